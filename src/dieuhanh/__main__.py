import sys

from dieuhanh.cli import main

sys.exit(main())
