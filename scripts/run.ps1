# Install (first time only) and start JIPP Desktop on Windows:
#   powershell -ExecutionPolicy Bypass -File scripts\run.ps1 [app args...]
. (Join-Path $PSScriptRoot '_setup.ps1')
Set-Location $RepoRoot

Ensure-Venv
# The test install (pip install -e '.[test]') already contains the app.
Install-Once '.' @('app', 'test')

& (Join-Path $Venv 'Scripts\jipp-desktop.exe') @args
exit $LASTEXITCODE
