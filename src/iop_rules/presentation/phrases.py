"""The fixed words of the HTML report, the calendar and the CSV exports, in Swedish and English, kept in one place
so that they can move into the message catalogues with the rest."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # The HTML report.
    "html_title": ("{name}: läge per {day}", "{name}: position as of {day}"),
    "state": ("Överenskommelsens läge", "The agreement's standing"),
    "cutoff_heading": ("§4: överenskommelsen om bidraget för {years}", "§4: the agreement on the grant for {years}"),
    "cutoff_what": (
        "Upphör överenskommelsen {day} bortfaller de åtaganden som förfaller därefter: {count} av åtagandena i denna "
        "rapport.",
        "If the agreement ends on {day}, the duties falling due after that day lapse: {count} of the duties in this "
        "report.",
    ),
    "timeline": ("Tidslinje {start} – {end}", "Timeline {start} – {end}"),
    "timeline_desc": (
        "Varje åtagande visas vid sin sista dag, med perioden det gäller som en stapel. Åtaganden utan tidsgräns och "
        "rättigheter visas vid dagens datum.",
        "Each duty is shown at its last day, with the period it covers as a bar. Duties without a deadline and rights "
        "are shown at today's date.",
    ),
    "today": ("i dag {day}", "today {day}"),
    "end": ("slut {day}", "end {day}"),
    "cutoff_line": ("§4 {day}", "§4 {day}"),
    "legend": ("Teckenförklaring", "Legend"),
    "no_deadline": ("ingen tidsgräns", "no deadline"),
    "since": ("sedan {day}", "since {day}"),
    "period": ("period {start} – {end}", "period {start} – {end}"),
    "col_section": ("§", "§"),
    "col_party": ("Part", "Party"),
    "col_status": ("Status", "Status"),
    "col_due": ("Senast", "Due"),
    "col_amount": ("Belopp", "Amount"),
    "col_what": ("Vad", "What"),
    "none": ("(inga)", "(none)"),
    "rights": ("RÄTTIGHETER", "RIGHTS"),
    "explanation": ("Förklaring", "Explanation"),
    "why_status": ("Varför denna status", "Why this status"),
    "computation": ("Beräkning", "Computation"),
    "no_steps": ("(inga beräknade datum eller belopp)", "(no computed dates or amounts)"),
    "facts_used": ("Fakta som använts", "Facts used"),
    "interpretations_used": ("Tolkningar", "Interpretations"),
    "no_interpretation": ("(beror inte på någon tolkning)", "(depends on no interpretation setting)"),
    "not_default": ("inte standard", "not the default"),
    "agreement_words": ("Avtalet §{section}", "Agreement §{section} (Swedish)"),
    "interpretations": ("Tolkningar: {settings}", "Interpretations: {settings}"),
    "party_filter": ("Visar det som gäller {party}.", "Showing what concerns {party}."),
    "generated": ("Skapad av iop-rules {version} ur faktafilen per {day}.", "Made by iop-rules {version} from the facts as of {day}."),
    "row_grants": ("Bidrag (§6)", "Grants (§6)"),
    "row_accounts": ("Redogörelse (§8)", "Accounts (§8)"),
    "row_statistics": ("Statistik (§8)", "Statistics (§8)"),
    "row_working_group": ("Arbetsgruppen (§7)", "Working group (§7)"),
    "row_steering_group": ("Styrgruppen (§7)", "Steering group (§7)"),
    "row_network": ("Nätverk och kärngrupp (§6)", "Network and core group (§6)"),
    "row_outreach": ("Internetuppsök (§6)", "Internet outreach (§6)"),
    "row_follow_ups": ("Uppföljningar (§8)", "Follow-ups (§8)"),
    "row_evaluations": ("Utvärderingar (§8)", "Evaluations (§8)"),
    "row_mid_term": ("Halvtidsutvärdering (§4)", "Mid-term evaluation (§4)"),
    "row_renegotiation": ("Omförhandling (§4)", "Renegotiation (§4)"),
    "row_other": ("Övriga åtaganden", "Other duties"),
    "row_rights": ("Rättigheter", "Rights"),
    # The calendar.
    "cal_cutoff": (
        "§4 sista dag för överenskommelse om bidraget; annars upphör överenskommelsen",
        "§4 last day to agree the grant; otherwise the agreement ends",
    ),
    "cal_summary": ("§{section}: {what}", "§{section}: {what}"),
    "cal_section": ("Paragraf: §{section} {title}", "Section: §{section} {title}"),
    "cal_party": ("Part: {party}", "Party: {party}"),
    "cal_todo": ("Att göra: {what}", "To do: {what}"),
    "cal_quote": ("Avtalet: ”{quote}”", "Agreement: “{quote}”"),
    "cal_status": ("Läge {day}: {status}", "Position on {day}: {status}"),
    "cal_id": ("Id: {id}", "Id: {id}"),
    "cal_alarm": ("Påminnelse: {summary}", "Reminder: {summary}"),
    # The CSV exports: column headings.
    "csv_id": ("id", "id"),
    "csv_section": ("paragraf", "section"),
    "csv_party": ("part", "party"),
    "csv_status": ("status", "status"),
    "csv_due": ("senast", "due"),
    "csv_amount": ("belopp", "amount"),
    "csv_message": ("meddelande", "message"),
    "csv_affected": ("berört belopp", "affected"),
    "csv_grant_paid": ("betalt bidrag", "grant paid"),
    "csv_repaid": ("återbetalt", "repaid"),
    "csv_ceiling": ("högst att kräva", "ceiling"),
    "csv_claimed": ("krävt", "claimed"),
}


def phrase(key: str, lang: str, **values: object) -> str:
    """The fixed phrase ``key`` in ``sv`` or ``en``, with its ``{placeholders}`` filled in."""
    sv, en = PHRASES[key]
    text = sv if lang == "sv" else en
    return text.format(**values) if values else text
