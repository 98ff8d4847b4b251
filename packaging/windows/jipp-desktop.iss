; Inno Setup 6 script of the JIPP Desktop installer for Windows (x64), per user:
; no administrator rights, installed under %LOCALAPPDATA%\Programs\JIPP Desktop.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\jipp-desktop.iss
;
; It packs the PyInstaller folder made by packaging\jipp_desktop.spec (see
; docs/install.md, "Building on Windows").  Paths below are relative to this file.
;
; The officer's data is NOT in the program folder: the app keeps it in
; %LOCALAPPDATA%\JIPP Desktop (platformdirs), which this installer never writes and the
; uninstaller never removes.  Installing a newer version over an older one replaces the
; program only; the app backs the data up and migrates it on its first start.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (jipp_desktop/__init__.py)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\windows\jipp-desktop"
#endif
#ifndef IconFile
  ; Drawn from resources\icons\app.svg by the spec (packaging\make_icons.py).
  #define IconFile "..\..\build\bundle-windows\jipp_desktop\icons\jipp-desktop.ico"
#endif
#define AppName "JIPP Desktop"
#define AppExe "jipp-desktop.exe"
#define ProgId "JIPPDesktop.Package"

[Setup]
; Never change the AppId: it is how a newer installer finds and upgrades this one.
AppId={{9B99EBA2-9666-4D86-9ECE-3C751F6D8B95}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=JIPP Desktop developers
VersionInfoVersion={#AppVersion}
; Per user: {autopf} is {userpf} (%LOCALAPPDATA%\Programs) in non administrative mode,
; and no dialog offers the administrative mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=jipp-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy is closed (after asking) so its files can be replaced.
CloseApplications=yes
RestartApplications=no
; Explorer picks up the .jipp association without a new log-in.
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
; Inno Setup ships no Indonesian wizard text; an IT helper who has a translation
; (Indonesian.isl) passes it with /DIndonesianIsl=PATH and it becomes the first choice.
#ifdef IndonesianIsl
Name: "id"; MessagesFile: "{#IndonesianIsl}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.PackageType=JIPP Desktop package
#ifdef IndonesianIsl
id.PackageType=Paket JIPP Desktop
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole library folder: a Qt plugin or DLL left over from the
; older version could be loaded by the newer one.  The data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The .jipp type for this user only (HKCU\Software\Classes): double-clicking a package
; starts "jipp-desktop.exe PACKAGE", which opens the app's import of that package.
Root: HKCU; Subkey: "Software\Classes\.jipp"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.jipp\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".jipp"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes what it installed and nothing else,
; so %LOCALAPPDATA%\JIPP Desktop (records, backups, keys, logs) stays.
