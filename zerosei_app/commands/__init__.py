"""The write side: functions that change the database (add, update, delete; their audit records and outbox
mails). They may read through queries/; the caller (a state handler, an API route, the CLI) commits."""
