"""The fixed words of the HTML report, the calendar and the CSV exports, in Swedish and English, kept in one place
so that they can move into the message catalogues with the rest."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # The HTML report.
    "html.html_title": ("{name}: läge per {day}", "{name}: position as of {day}"),
    "html.state": ("Överenskommelsens läge", "The agreement's standing"),
    "html.cutoff_heading": ("§4: överenskommelsen om bidraget för {years}", "§4: the agreement on the grant for {years}"),
    "html.cutoff_what": (
        "Upphör överenskommelsen {day} bortfaller de åtaganden som förfaller därefter: {count} av åtagandena i denna "
        "rapport.",
        "If the agreement ends on {day}, the duties falling due after that day lapse: {count} of the duties in this "
        "report.",
    ),
    "html.timeline": ("Tidslinje {start} – {end}", "Timeline {start} – {end}"),
    "html.timeline_desc": (
        "Varje åtagande visas vid sin sista dag, med perioden det gäller som en stapel. Åtaganden utan tidsgräns och "
        "rättigheter visas vid dagens datum.",
        "Each duty is shown at its last day, with the period it covers as a bar. Duties without a deadline and rights "
        "are shown at today's date.",
    ),
    "html.today": ("i dag {day}", "today {day}"),
    "html.end": ("slut {day}", "end {day}"),
    "html.cutoff_line": ("§4 {day}", "§4 {day}"),
    "html.legend": ("Teckenförklaring", "Legend"),
    "html.no_deadline": ("ingen tidsgräns", "no deadline"),
    "html.since": ("sedan {day}", "since {day}"),
    "html.period": ("period {start} – {end}", "period {start} – {end}"),
    "html.col_section": ("§", "§"),
    "html.col_party": ("Part", "Party"),
    "html.col_status": ("Status", "Status"),
    "html.col_due": ("Senast", "Due"),
    "html.col_amount": ("Belopp", "Amount"),
    "html.col_what": ("Vad", "What"),
    "html.none": ("(inga)", "(none)"),
    "html.rights": ("RÄTTIGHETER", "RIGHTS"),
    "html.explanation": ("Förklaring", "Explanation"),
    "html.why_status": ("Varför denna status", "Why this status"),
    "html.computation": ("Beräkning", "Computation"),
    "html.no_steps": ("(inga beräknade datum eller belopp)", "(no computed dates or amounts)"),
    "html.facts_used": ("Fakta som använts", "Facts used"),
    "html.interpretations_used": ("Tolkningar", "Interpretations"),
    "html.no_interpretation": ("(beror inte på någon tolkning)", "(depends on no interpretation setting)"),
    "html.not_default": ("inte standard", "not the default"),
    "html.agreement_words": ("Avtalet §{section}", "Agreement §{section} (Swedish)"),
    "html.interpretations": ("Tolkningar: {settings}", "Interpretations: {settings}"),
    "html.party_filter": ("Visar det som gäller {party}.", "Showing what concerns {party}."),
    "html.generated": ("Skapad av iop-rules {version} ur faktafilen per {day}.", "Made by iop-rules {version} from the facts as of {day}."),
    "html.row.grants": ("Bidrag (§6)", "Grants (§6)"),
    "html.row.accounts": ("Redogörelse (§8)", "Accounts (§8)"),
    "html.row.statistics": ("Statistik (§8)", "Statistics (§8)"),
    "html.row.working_group": ("Arbetsgruppen (§7)", "Working group (§7)"),
    "html.row.steering_group": ("Styrgruppen (§7)", "Steering group (§7)"),
    "html.row.network": ("Nätverk och kärngrupp (§6)", "Network and core group (§6)"),
    "html.row.outreach": ("Internetuppsök (§6)", "Internet outreach (§6)"),
    "html.row.follow_ups": ("Uppföljningar (§8)", "Follow-ups (§8)"),
    "html.row.evaluations": ("Utvärderingar (§8)", "Evaluations (§8)"),
    "html.row.mid_term": ("Halvtidsutvärdering (§4)", "Mid-term evaluation (§4)"),
    "html.row.renegotiation": ("Omförhandling (§4)", "Renegotiation (§4)"),
    "html.row.other": ("Övriga åtaganden", "Other duties"),
    "html.row.rights": ("Rättigheter", "Rights"),
    # The calendar.
    "calendar.cutoff": (
        "§4 sista dag för överenskommelse om bidraget; annars upphör överenskommelsen",
        "§4 last day to agree the grant; otherwise the agreement ends",
    ),
    "calendar.summary": ("§{section}: {what}", "§{section}: {what}"),
    "calendar.section": ("Paragraf: §{section} {title}", "Section: §{section} {title}"),
    "calendar.party": ("Part: {party}", "Party: {party}"),
    "calendar.todo": ("Att göra: {what}", "To do: {what}"),
    "calendar.quote": ("Avtalet: ”{quote}”", "Agreement: “{quote}”"),
    "calendar.status": ("Läge {day}: {status}", "Position on {day}: {status}"),
    "calendar.id": ("Id: {id}", "Id: {id}"),
    "calendar.alarm": ("Påminnelse: {summary}", "Reminder: {summary}"),
    # The CSV exports: column headings.
    "csv.id": ("id", "id"),
    "csv.section": ("paragraf", "section"),
    "csv.party": ("part", "party"),
    "csv.status": ("status", "status"),
    "csv.due": ("senast", "due"),
    "csv.amount": ("belopp", "amount"),
    "csv.message": ("meddelande", "message"),
    "csv.affected": ("berört belopp", "affected"),
    "csv.grant_paid": ("betalt bidrag", "grant paid"),
    "csv.repaid": ("återbetalt", "repaid"),
    "csv.ceiling": ("högst att kräva", "ceiling"),
    "csv.claimed": ("krävt", "claimed"),
}


def phrase(key: str, lang: str, **values: object) -> str:
    """The fixed phrase ``key`` in ``sv`` or ``en``, with its ``{placeholders}`` filled in."""
    sv, en = PHRASES[key]
    text = sv if lang == "sv" else en
    return text.format(**values) if values else text
