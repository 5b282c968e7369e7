from sle_trials.cli import main

raise SystemExit(main())
