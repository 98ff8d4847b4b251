from jipp_desktop.cli.main import main

main()
