# Install (first time only) and run every check on Windows:
#   powershell -ExecutionPolicy Bypass -File scripts\test.ps1 [pytest args...]
# Same steps as scripts/test.sh: ruff lint, ruff format, mypy (strict core and sync),
# the wheel check, then pytest. Every step runs; exit code 1 if any failed.
#
# The report tests read PDFs back with poppler (pdftotext, pdffonts, pdftoppm)
# and qpdf, which this script does not install on Windows. Install them
# yourself and put them on PATH, for example `choco install poppler qpdf`
# (Chocolatey) or the poppler and qpdf packages that `winget search` lists.
. (Join-Path $PSScriptRoot '_setup.ps1')
Set-Location $RepoRoot

Ensure-Venv
Install-Once '.[test]' @('test')

# Tests never open a real window.
$env:QT_QPA_PLATFORM = 'offscreen'
$bin = Join-Path $Venv 'Scripts'
$failed = @()
function Step([string]$Name, [scriptblock]$Block) {
    Write-Host "==> $Name"
    & $Block
    if ($LASTEXITCODE -ne 0) { $script:failed += $Name }
}
Step 'ruff check' { & "$bin\ruff.exe" check . }
Step 'ruff format' { & "$bin\ruff.exe" format --check . }
Step 'mypy' { & "$bin\mypy.exe" jipp_desktop/core jipp_desktop/sync }
Step 'wheel check' { & $VenvPython scripts/check_wheel.py }

# Any non-zero pytest exit fails, 5 (no tests collected) included.
$pytestArgs = $args
Step 'pytest' { & "$bin\pytest.exe" -q @pytestArgs }

if ($failed.Count -ne 0) {
    Write-Host "==> FAILED: $($failed -join ', ')"
    exit 1
}
exit 0
