"""Forms of the pages, one module per resource. They parse and check input shape (dates,
choices within the scope's organisation); the services decide the rest."""
