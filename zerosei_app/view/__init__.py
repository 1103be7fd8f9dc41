"""What the pages show, as plain data: view models, links and URLs built from the domain and the
queries, in the parent's language. No Reflex here: the states hold these, the pages render them,
and the server-side HTML of a path (web/) reuses them."""
