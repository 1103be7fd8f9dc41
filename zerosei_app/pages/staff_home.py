"""/staff: the user's centres and what needs attention in each."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import badge, link, staff_page
from zerosei_app.pages.staff_regione import row as regione_row
from zerosei_app.state.staff_home import StaffHomeState


def centro_card(c) -> rx.Component:
    return rx.el.article(
        rx.el.h2(link(c.name, "/staff/voci?centro=" + c.id.to_string())),
        rx.el.p(c.comune, rx.cond(c.active, "", " · chiuso"), class_name="st-muted"),
        rx.cond(
            c.uncertain,
            rx.el.p("Dati del centro da confermare (fonte: ", c.verification, ")", class_name="st-alert-line"),
        ),
        rx.el.ul(
            rx.el.li(rx.el.strong(c.published), " pubblicate"),
            rx.el.li(rx.el.strong(c.drafts), " bozze"),
            rx.el.li(rx.el.strong(c.archived), " archiviate"),
            class_name="st-stats",
        ),
        rx.cond(
            c.stale > 0,
            rx.el.p(
                link(
                    rx.fragment(c.stale.to_string(), " voci da verificare (non controllate da 6 mesi o più)"),
                    "/staff/voci?centro=" + c.id.to_string() + "&verifica=da_verificare&ordine=verifica",
                ),
                class_name="st-alert-line",
            ),
            rx.el.p("Tutte le voci sono state verificate negli ultimi 6 mesi.", class_name="st-muted"),
        ),
        rx.cond(
            c.examples > 0,
            rx.el.p(c.examples.to_string() + " voci sono ancora esempi da confermare.", class_name="st-muted"),
        ),
        rx.el.p(
            link(
                rx.fragment(
                    "Segnalazioni: ",
                    c.reports_new.to_string(),
                    " nuove, ",
                    c.reports_in_progress.to_string(),
                    " in lavorazione",
                ),
                "/staff/segnalazioni?centro=" + c.id.to_string(),
            ),
            rx.cond(
                c.reports_late > 0, rx.el.span(" · ", badge(c.reports_late.to_string() + " oltre i 15 giorni", "late"))
            ),
        ),
        rx.el.div(
            link("Voci della Carta", "/staff/voci?centro=" + c.id.to_string(), class_name="st-btn small"),
            link("Nuova voce", "/staff/voce/nuova?centro=" + c.id.to_string(), class_name="st-btn small secondary"),
            link("Dati del centro", "/staff/centro?id=" + c.id.to_string(), class_name="st-btn small secondary"),
            link("Importa / esporta", "/staff/importa?centro=" + c.id.to_string(), class_name="st-btn small secondary"),
            rx.el.a(
                "Carta pubblica del centro",
                href="/carta?centro=" + c.id.to_string(),
                class_name="st-btn small secondary",
            ),
            class_name="st-actions",
        ),
        class_name=rx.cond(c.active, "st-card", "st-card closed"),
    )


def todo_item(item) -> rx.Component:
    return rx.el.li(
        rx.el.div(
            rx.el.strong(item.centro_name),
            rx.el.span(item.detail, class_name="st-muted"),
            class_name="st-todo-what",
        ),
        link(item.action, item.href, class_name="st-btn small"),
    )


def todo_group(kind: str, title: str, intro: str, items, more) -> rx.Component:
    return rx.cond(
        items.length() > 0,
        rx.el.li(
            rx.el.h3(title, id=f"todo-{kind}"),
            rx.cond(intro != "", rx.el.p(intro, class_name="st-muted")),
            rx.el.ul(rx.foreach(items, todo_item), aria_labelledby=f"todo-{kind}"),
            rx.cond(more > 0, rx.el.p("E altri ", more.to_string(), ": li trovi qui sotto.", class_name="st-muted")),
            class_name=f"st-todo-group st-todo-{kind}",
        ),
    )


def todo_list() -> rx.Component:
    """Missing centre contacts first, then open reports, then entries to confirm (queries.staff_dashboard.todo)."""
    s = StaffHomeState
    empty = (
        s.todo_contacts.length() + s.todo_reports.length() + s.todo_entries.length() + s.todo_regione.length()
    ) == 0
    return rx.el.section(
        rx.el.h2("Da fare", id="da-fare"),
        rx.cond(
            empty,
            rx.el.p("Niente da fare per ora: contatti presenti, nessuna segnalazione aperta, voci verificate."),
            rx.el.ol(
                todo_group(
                    "regione",
                    "Lavori dell'ufficio regionale",
                    "Quello che solo la Regione può fare; le voci e le segnalazioni le gestiscono i centri "
                    "(vedi «Le Carte dei centri»).",
                    s.todo_regione,
                    s.more_regione,
                ),
                todo_group(
                    "contatti",
                    "Le famiglie non possono contattare il centro",
                    "Aggiungi almeno un telefono, un'e-mail o un sito.",
                    s.todo_contacts,
                    s.more_contacts,
                ),
                todo_group("segnalazioni", "Segnalazioni aperte", "", s.todo_reports, s.more_reports),
                todo_group(
                    "voci",
                    "Voci da confermare",
                    "Esempi o voci non verificate da 6 mesi: controllale con il centro e segna "
                    "«Confermata dal centro» o «Conferma i dati…».",
                    s.todo_entries,
                    s.more_entries,
                ),
                class_name="st-todo",
            ),
        ),
        aria_labelledby="da-fare",
    )


def page() -> rx.Component:
    s = StaffHomeState
    return staff_page(
        rx.el.h1("Ciao, ", s.user_name),
        rx.cond(
            s.welcome,
            rx.el.div(
                rx.el.p("Password salvata: benvenuta/o nell'area operatori."), class_name="st-msg ok", role="status"
            ),
        ),
        rx.el.p(
            "Qui tieni aggiornata la Carta ZeroSei del tuo centro: quello che pubblichi lo vedono subito le famiglie. "
            "Le voci vanno ricontrollate almeno ogni 6 mesi; alle segnalazioni delle famiglie si risponde entro 15 giorni.",
            class_name="st-muted",
        ),
        todo_list(),
        rx.cond(
            s.is_regione,
            rx.el.section(
                rx.el.h2("Tutti i centri"),
                rx.el.div(
                    rx.el.div(rx.el.strong(s.total_published), "voci pubblicate", class_name="st-kpi"),
                    rx.el.div(rx.el.strong(s.total_stale), "voci da verificare", class_name="st-kpi"),
                    rx.el.div(rx.el.strong(s.total_reports_open), "segnalazioni aperte", class_name="st-kpi"),
                    rx.el.div(rx.el.strong(s.total_reports_late), "oltre i 15 giorni", class_name="st-kpi"),
                    class_name="st-kpis",
                ),
                rx.el.p(
                    link("Le Carte dei centri: account, conferme, chiusure", "/staff/regione/centri"),
                    " · ",
                    link("Chi gestisce i comuni (enti gestori)", "/staff/regione/enti"),
                    " · ",
                    rx.el.a("Carta ZeroSei da stampare (tutti i centri, A4)", href="/carta/stampa"),
                ),
                aria_label="Riepilogo regionale",
            ),
        ),
        rx.cond(
            s.is_regione,
            rx.fragment(
                rx.el.h2("I centri"),
                rx.el.table(
                    rx.el.thead(
                        rx.el.tr(
                            *[
                                rx.el.th(h, scope="col")
                                for h in ("Centro", "Dati", "Pubblicate", "Da verificare", "Segnalazioni aperte", "")
                            ]
                        )
                    ),
                    rx.el.tbody(rx.foreach(s.centri, regione_row)),
                    class_name="st-table st-stack",
                ),
            ),
            rx.fragment(
                rx.el.h2(rx.cond(s.centri.length() == 1, "Il tuo centro", "I tuoi centri")),
                rx.el.div(rx.foreach(s.centri, centro_card), class_name="st-cards"),
            ),
        ),
    )
