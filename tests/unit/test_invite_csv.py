"""Many invitations from pasted CSV: checked line by line before anything is created."""

from zerosei_app.domain.invite_csv import parse_invites


def test_semicolons_commas_header_and_centres():
    plan = parse_invites(
        "E-mail;Nome;Ruolo;Centri\nCarla@Comune.it;Carla Bianchi;operatore;3|7\nanna@regione.it;Anna Rossi;;\n"
    )
    # No role means operatore, and an operatore needs a centre.
    assert len(plan.errors) == 1 and plan.errors[0].startswith("Riga 3") and "centro" in plan.errors[0]
    assert [(r.email, r.centri) for r in plan.rows] == [("carla@comune.it", [3, 7])]
    plan = parse_invites("carla@comune.it,Carla Bianchi,operatore,3 7\nanna@regione.it,Anna Rossi,regione,\n")
    assert plan.errors == []
    assert [(r.email, r.role, r.centri) for r in plan.rows] == [
        ("carla@comune.it", "operatore", [3, 7]),
        ("anna@regione.it", "regione", []),
    ]


def test_every_bad_line_is_named():
    plan = parse_invites(
        "a@b.it;A A;regione;\nnon-email;B B;regione;\nc@d.it;C C;capo;\na@b.it;A A;regione;\ne@f.it;E E;operatore;tre\n"
    )
    assert [e.split(":")[0] for e in plan.errors] == ["Riga 2", "Riga 3", "Riga 4", "Riga 5"]
    assert "più di una volta" in plan.errors[2] and "numero (id)" in plan.errors[3]
    assert parse_invites("  \n").errors and parse_invites("x;y\n" * 300).errors == [
        "Al massimo 200 persone alla volta."
    ]
