"""Views of the pages, one module per resource: `auth`, `dashboard`, `tasks`, `task_actions`,
`documents`, `manage`. Each builds the request's `Scope`, reads through selectors and writes
through services; `base` holds what they share."""
