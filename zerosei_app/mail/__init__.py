"""E-mail: messages composed as plain text + HTML (compose.py), kept in an outbox table until sent
(outbox.py), sent by SMTP or written as .eml files when no server is set (transport.py)."""
