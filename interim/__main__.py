from interim.cli import main

main()
