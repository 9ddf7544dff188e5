"""`python -m newsfacts.cli`, the same as the `newsfacts` command."""

import sys

from newsfacts.cli import main

sys.exit(main())
