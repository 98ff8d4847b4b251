# Shared by run.ps1 and test.ps1 (dot-sourced): the venv and a pip install that
# is skipped when pyproject.toml did not change. Windows needs no system
# libraries for Qt: the PySide6 wheels bring everything.

$ErrorActionPreference = 'Stop'
$RepoRoot = Split-Path -Parent $PSScriptRoot
$Venv = Join-Path $RepoRoot '.venv'
$VenvPython = Join-Path $Venv 'Scripts\python.exe'

function Ensure-Venv {
    if (Test-Path $VenvPython) { return }
    Write-Host "==> creating $Venv"
    # The py launcher picks 3.11 even when a newer Python is the default.
    if (Get-Command py -ErrorAction SilentlyContinue) {
        & py -3.11 -m venv $Venv
    } else {
        & python -m venv $Venv
    }
    if ($LASTEXITCODE -ne 0) { throw 'could not create .venv (is Python 3.11 installed?)' }
}

# pip install -e $Spec unless a stamp (any of $StampNames) shows this
# pyproject.toml was installed already; the first name is the one written.
function Install-Once([string]$Spec, [string[]]$StampNames) {
    $digest = (Get-FileHash (Join-Path $RepoRoot 'pyproject.toml') -Algorithm SHA256).Hash
    foreach ($name in $StampNames) {
        $stamp = Join-Path $Venv ".stamp-$name"
        if ((Test-Path $stamp) -and ((Get-Content $stamp -Raw).Trim() -eq $digest)) { return }
    }
    Write-Host "==> pip install -e '$Spec'"
    & $VenvPython -m pip install --no-input --disable-pip-version-check -e $Spec
    if ($LASTEXITCODE -ne 0) { throw 'pip install failed' }
    Set-Content -Path (Join-Path $Venv ".stamp-$($StampNames[0])") -Value $digest
}
