"""The designer: a Textual app to build, check and save product orgs from the keyboard."""
