"""What the database says about an imported row, by code (staff, Italian): the problems and notes that
queries/ find while planning a CSV import (an unknown comune, a centre named twice, an ente to add…).

The words are kept here, one table keyed by code, and never written where the row is checked; `{name}`
in a text takes the param of that name."""

from __future__ import annotations

IMPORT_PROBLEMS = {
    # a centre's entries (queries/csv_import.py)
    "entry_not_in_centro": "Nessuna voce con ID {entry_id} in questo centro (lascia vuoto per una voce nuova).",
    "entry_changed_since_export": (
        "La voce è stata modificata dopo l'esportazione (versione {version}, ora {current}): "
        "esporta di nuovo il file e ripeti le modifiche."
    ),
    "entry_comune_unknown": "Codice ISTAT sconosciuto: scegli il comune dall'elenco.",
    "untitled": "(senza titolo)",
    "bad_row": "(riga non valida)",
    # the Regione's lists: comuni and centres named in a row
    "istat_unknown": "Codice ISTAT {code} sconosciuto.",
    "comune_ambiguous": "Più comuni si chiamano «{name}»: usa il codice ISTAT.",
    "comune_unknown": "Comune «{name}» sconosciuto: controlla il nome o usa il codice ISTAT.",
    "centro_id_unknown": "Nessun centro con ID {id}.",
    "centro_ambiguous": "Più centri si chiamano «{name}»: usa l'ID del centro.",
    "centro_unknown": "Centro «{name}» sconosciuto: usa l'ID mostrato nell'elenco dei centri.",
    "centro_twice": "Lo stesso centro compare in più righe.",
    "centro_new_id_unknown": "ID: nessun centro con ID {id} (lascia vuoto per un centro nuovo).",
    "centro_closed": "Centro: «{name}» è chiuso; riaprilo prima o togli la riga.",
    "ente_to_add": "L'ente gestore «{name}» non è ancora registrato: verrà aggiunto.",
    "comuni_relinked": "{count} comuni collegati di nuovo al centro aperto più vicino: {names}",
    "copertura_effect": (
        "{count} comuni nel file: i loro collegamenti diventano esattamente quelli del file "
        "({inferred} di questi oggi sono dedotti). Resteranno dedotti {remaining} comuni non presenti nel file."
    ),
    # the enti gestori of the comuni (queries/comune_ente.py)
    "istat_not_piemonte": "Codice ISTAT {code}: nessun comune del Piemonte.",
    "ente_not_found": "Ente gestore {what} non trovato: usa il nome come nell'elenco esportato.",
    "comune_repeated": "Comune ripetuto (già alla riga {line}).",
}


def problem(key: str, /, **params: object) -> str:
    """The text of one problem or note: `problem("comune_repeated", line=4)`."""
    return IMPORT_PROBLEMS[key].format(**params)
