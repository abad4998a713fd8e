from orgdesign.cli import entry_point

entry_point()
