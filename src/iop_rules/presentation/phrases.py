"""The fixed text the text report and the command line put around the findings, in Swedish and English.

One entry per message id, each a pair (Swedish, English) with named parameters written ``{name}``. The findings'
own messages and the status and party words are not here (they are the clauses' and ``labels``'). When the
message catalogues land, these entries move into them under the same ids.
"""

from __future__ import annotations

from collections.abc import Sequence

PHRASES: dict[str, tuple[str, str]] = {
    # The report's header.
    "report.title": ("{name}: läge per {day}", "{name}: position as of {day}"),
    "report.cutoff": (
        "Om parterna inte senast {cutoff} har kommit överens om bidraget för {years} i ett skriftligt tillägg "
        "som båda har undertecknat, upphör överenskommelsen {cutoff} utan uppsägning (§4, {left}).",
        "Unless the parties have agreed on the grant for {years} by {cutoff}, in a written amendment signed by both, "
        "the agreement ends on {cutoff} without notice (§4, {left}).",
    ),
    "report.selection.city": (
        "Urval: det som rör staden (stadens egna och de gemensamma åtagandena).",
        "Selection: what concerns the city (its own and the joint duties).",
    ),
    "report.selection.fa": (
        "Urval: det som rör Frälsningsarmén (Frälsningsarméns egna och de gemensamma åtagandena).",
        "Selection: what concerns the Salvation Army (its own and the joint duties).",
    ),
    # The report's lists, in the order people act on them.
    "heading.open_breaches": ("AVVIKELSER SOM INTE ÄR ÅTGÄRDADE", "BREACHES NOT REMEDIED"),
    "heading.actions": ("KOMMANDE ÅTGÄRDER I DATUMORDNING", "UPCOMING ACTIONS BY DUE DATE"),
    "heading.rights": ("RÄTTIGHETER SOM KAN UTNYTTJAS", "RIGHTS THAT MAY BE EXERCISED"),
    "heading.cured_breaches": ("ÅTGÄRDADE AVVIKELSER", "CURED BREACHES"),
    "heading.obligations": ("ALLA ÅTAGANDEN PER PARAGRAF OCH ÅR", "ALL OBLIGATIONS BY SECTION AND YEAR"),
    "heading.notes": ("NOTERINGAR", "NOTES"),
    "list.none": ("(inga)", "(none)"),
    "period.none": ("Utan tidsgräns", "No deadline"),
    "period.year": ("År {year}", "Year {year}"),
    # A finding's line.
    "due.by": ("senast {day}", "by {day}"),
    "due.none": ("ingen tidsgräns", "no deadline"),
    "left.today": ("sista dagen i dag", "last day today"),
    "left.one": ("1 dag kvar", "1 day left"),
    "left.many": ("{n} dagar kvar", "{n} days left"),
    "mark.cured": ("avvikelsen är åtgärdad", "breach cured"),
    "severity": ("allvarlighetsgrad: {severity}", "severity: {severity}"),
    "severity.critical": ("kritisk", "critical"),
    "severity.major": ("hög", "major"),
    "severity.minor": ("låg", "minor"),
    "severity.info": ("för kännedom", "for information"),
    "quote": ("Avtalet: ”{quote}”", "Agreement: “{quote}”"),
    # The interpretations the report rests on.
    "settings.default": (
        "Tolkningar: tolkningsregistrets standardläsningar (se docs/interpretations.md).",
        "Interpretations: the interpretation register's default readings (see docs/interpretations.md).",
    ),
    "settings.changed": (
        "Tolkningar: standardläsningarna utom följande (se docs/interpretations.md):",
        "Interpretations: the default readings except the following (see docs/interpretations.md):",
    ),
    "settings.changed_line": ("{question}: annan läsning än standard.", "{question}: {reading}"),
    "and": (" och ", " and "),
    # The command line: descriptions and help.
    "cli.description": (
        "Kontrollera IOP-överenskommelsen mellan socialförvaltningen i Helsingborgs stad och Frälsningsarmén.",
        "Check the IOP agreement between the City of Helsingborg's social services and the Salvation Army.",
    ),
    "cli.usage": ("användning: ", "usage: "),
    "cli.positionals": ("argument", "positional arguments"),
    "cli.options": ("flaggor", "options"),
    "cli.commands": ("kommandon", "commands"),
    "cli.command": ("KOMMANDO", "COMMAND"),
    "cli.error": ("{prog}: fel: {message}\n", "{prog}: error: {message}\n"),
    "metavar.facts": ("FAKTAFIL", "FACTS"),
    "metavar.date": ("DATUM", "DATE"),
    "metavar.file": ("FIL", "FILE"),
    "metavar.setting": ("ID=VÄRDE", "ID=VALUE"),
    "metavar.days": ("DAGAR", "DAYS"),
    "metavar.dir": ("KATALOG", "DIR"),
    "metavar.finding": ("BEDÖMNINGS-ID", "FINDING-ID"),
    "help.help": ("visa den här hjälptexten och avsluta", "show this help message and exit"),
    "help.version": ("visa programmets version och avsluta", "show the program's version and exit"),
    "help.facts": ("faktafilen (.toml, .json eller arbetsbok .xlsx)", "the facts file (.toml, .json or .xlsx workbook)"),
    "help.workbook": ("skriv arbetsboken (.xlsx) som samordnarna fyller i", "write the facts workbook (.xlsx) the coordinators fill in"),
    "help.workbook.new": ("skriv en tom arbetsbok", "write an empty workbook"),
    "help.workbook.from": ("faktafil (.toml, .json eller .xlsx) att fylla arbetsboken med", "facts file (.toml, .json or .xlsx) to fill the workbook with"),
    "help.workbook.to": ("arbetsboken som skrivs från --from", "the workbook to write from --from"),
    "help.workbook.lang": ("språk för blad, rubriker och meddelanden (standard sv)", "language of sheets, headers and messages (default sv)"),
    "help.workbook.force": ("skriv över filen om den finns", "overwrite the file if it exists"),
    "help.convert": ("skriv en faktafil (t.ex. en arbetsbok) som TOML eller JSON", "write a facts file (e.g. a workbook) as TOML or JSON"),
    "help.convert.to": ("formatet som skrivs", "the format to write"),
    "help.convert.out": ("skriv till FIL (hel eller inte alls) i stället för till standard ut", "write to FILE (whole or not at all) instead of standard output"),
    "help.as_of": (
        "dagen då överenskommelsen bedöms, ÅÅÅÅ-MM-DD (standard: faktafilens as_of, annars dagens datum i Sverige)",
        "the day the agreement is evaluated on, YYYY-MM-DD (default: the facts' as_of, else today in Stockholm)",
    ),
    "help.agreement": (
        "överenskommelsens fil (standard: den medföljande agreement.toml)",
        "the agreement file (default: the bundled agreement.toml)",
    ),
    "help.top_lang": (
        "språk för hjälptexter och felmeddelanden, och för kommandots utdata: sv eller en",
        "language of the help and error messages, and of the command's output: sv or en",
    ),
    "help.lang": (
        "språk för utdata, hjälptexter och felmeddelanden: sv eller en (standard {default})",
        "language of the output, help and error messages: sv or en (default {default})",
    ),
    "help.set": (
        "ändra en tolkning för den här körningen, t.ex. --set I1=bracket_date (kan upprepas)",
        "override an interpretation setting for this run, e.g. --set I1=bracket_date (repeatable)",
    ),
    "help.format": (
        "utdataformat: text (för läsare) eller json (för program, med publicerat schema) (standard text)",
        "output format: text (for people) or json (for programs, with a published schema) (default text)",
    ),
    "help.horizon": (
        "antal dagar framåt för kommande åtgärder (standard: tolkning I13, 60 dagar)",
        "days ahead for upcoming actions (default: interpretation I13, 60 days)",
    ),
    "help.party": (
        "visa bara det som rör en part: city (staden) eller fa (Frälsningsarmén), med de gemensamma åtagandena",
        "show only what concerns one party: city or fa (the Salvation Army), with the joint duties",
    ),
    "help.check": ("bedöm en faktafil en viss dag", "evaluate a facts file on a day"),
    "help.check.description": (
        "Bedöm en faktafil en viss dag. Slutstatus: 0 ingen avvikelse som inte är åtgärdad, 1 minst en (med --party: "
        "som rör den parten), 2 felaktig indata.",
        "Evaluate a facts file on a day. Exit status: 0 no unremedied breach, 1 at least one (with --party: one "
        "concerning that party), 2 bad input.",
    ),
    "help.compare": (
        "lista de bedömningar som skiljer sig under varje alternativ tolkning i tolkningsregistret (slutstatus som för check)",
        "list the findings that differ under each alternative reading of the interpretation register (exit status as for check)",
    ),
    "help.repayment": ("återbetalningsbedömning enligt §8 av ärenden om felaktig medelsanvändning", "§8 repayment assessment of misuse cases"),
    "help.case": (
        "ärendets id (standard: alla ärenden som är kända den dagen)",
        "the misuse case's id (default: every case known on the day)",
    ),
    "help.repayment_as_of": (
        "dagen för bedömningen, ÅÅÅÅ-MM-DD (standard: faktafilens as_of, annars dagens datum i Sverige)",
        "the assessment day, YYYY-MM-DD (default: the facts' as_of, else today in Stockholm)",
    ),
    "help.explain": ("förklara hur en bedömning har kommit till", "explain how one finding came about"),
    "help.finding_id": ("bedömningens id, t.ex. mid-term-evaluation", "the finding's id, e.g. mid-term-evaluation"),
    "help.docs": ("generera dokumentationen i docs/ på nytt", "regenerate the documentation in docs/"),
    "help.out": ("katalogen att skriva i (standard docs)", "the directory to write into (default docs)"),
    "help.scenarios": ("katalogen med scenarier (standard tests/scenarios)", "the scenario directory (default tests/scenarios)"),
    "help.docs_check": (
        "skriv ingenting; slutstatus 1 när dokumentationen är inaktuell",
        "write nothing; exit status 1 when the documentation is stale",
    ),
    "help.timeline": ("alla statusändringar mellan två dagar", "every status change between two days"),
    "help.from": ("första dagen, ÅÅÅÅ-MM-DD", "the first day, YYYY-MM-DD"),
    "help.to": ("sista dagen, ÅÅÅÅ-MM-DD", "the last day, YYYY-MM-DD"),
    "help.calendar": (
        "skriv de kommande åtgärderna till en iCalendar-fil (.ics)",
        "write the upcoming actions to an iCalendar (.ics) file",
    ),
    "help.ics": (".ics-filen som ska skrivas", "the .ics file to write"),
    # Errors in the command's arguments.
    "arg.days": ("{value}: förväntade ett heltal 0–{most}", "{value}: expected a whole number 0–{most}"),
    "arg.setting": (
        "{value}: förväntade ID=VÄRDE, t.ex. I1=bracket_date",
        "{value}: expected ID=VALUE, e.g. I1=bracket_date",
    ),
    # Errors and output of single commands.
    "calendar.not_ics": ("--ics {path}: förväntade ett filnamn som slutar på .ics", "--ics {path}: expected a file name ending in .ics"),
    "calendar.no_dir": (
        "--ics {path}: katalogen {dir} finns inte",
        "--ics {path}: the directory {dir} does not exist",
    ),
    "calendar.unwritable": (
        "--ics {path}: filen kan inte skrivas ({reason})",
        "--ics {path}: the file cannot be written ({reason})",
    ),
    "timeline.reversed": ("--to {end} ligger före --from {start}", "--to {end} is before --from {start}"),
    "docs.stale": ("inaktuell: {path}", "stale: {path}"),
    "docs.wrote": ("skrev {path}", "wrote {path}"),
    # argparse's own messages (Python 3.11–3.13 wording), translated; the English is argparse's.
    "argparse.argument": ("argumentet {name}: {message}", "argument {name}: {message}"),
    "argparse.required": ("följande argument krävs: {names}", "the following arguments are required: {names}"),
    "argparse.unrecognized": ("okända argument: {args}", "unrecognized arguments: {args}"),
    "argparse.invalid_choice": ("ogiltigt val: {value} (välj bland {choices})", "invalid choice: {value} (choose from {choices})"),
    "argparse.unknown_parser": ("okänt kommando {value} (välj bland {choices})", "unknown parser {value} (choices: {choices})"),
    "argparse.expected_one": ("förväntade ett värde", "expected one argument"),
    "argparse.ambiguous": ("tvetydig flagga: {option} kan betyda {matches}", "ambiguous option: {option} could match {matches}"),
    "argparse.invalid_value": ("ogiltigt värde för {type}: {value}", "invalid {type} value: {value}"),
    "argparse.explicit": ("värdet {value} ignoreras", "ignored explicit argument {value}"),
    "argparse.not_allowed": ("kan inte kombineras med {other}", "not allowed with argument {other}"),
    # The HTML report, the calendar and the CSV exports (issue 12).
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
    "help.format_csv": (
        "utdataformat: text (för läsare), json (för program) eller csv (för kalkylark: ';', UTF-8 med BOM, decimalkomma på svenska) (standard text)",
        "output format: text (for people), json (for programs) or csv (for spreadsheets: ';', UTF-8 with BOM, decimal comma in Swedish) (default text)",
    ),
    "help.report": ("skriv rapporten som en fristående HTML-sida", "write the report as one self-contained HTML page"),
    "help.html": ("HTML-filen att skriva, eller - för standard ut", "the .html file to write, or - for standard output"),
    "help.ics_any": ("iCalendar-filen (.ics) att skriva, eller - för standard ut", "the .ics file to write, or - for standard output"),
    "help.calendar_horizon": (
        "bara åtaganden som förfaller inom så många dagar (standard: alla som återstår)",
        "only the duties due within this many days (default: every duty still to do)",
    ),
    "help.remind": (
        "påminnelser så många dagar före varje sista dag, t.ex. 14,3 (standard), eller none",
        "reminders this many days before each deadline, e.g. 14,3 (default), or none",
    ),
}

SECTION_TITLE_EN: dict[str, str] = {
    "1": "Background and purpose of the agreement",
    "2": "Values",
    "3": "Parties",
    "4": "Term of the agreement",
    "5": "Collaboration",
    "6": "Allocation of resources within the partnership",
    "7": "Organisation",
    "8": "Follow-up and evaluation",
    "9": "Renegotiation, termination for breach and disputes",
    "10": "Amendments",
    "11": "Signature",
}
"""The agreement's section headings in English (the Swedish ones are the agreement's own, in agreement.toml)."""


def phrase(key: str, lang: str, **params: object) -> str:
    """The fixed text ``key`` in ``sv`` or ``en``, its named parameters filled in."""
    sv, en = PHRASES[key]
    text = sv if lang == "sv" else en
    return text.format(**params) if params else text


def days_left(left: int, lang: str) -> str:
    """How long is left to a deadline: "sista dagen i dag", "1 dag kvar", "10 dagar kvar"."""
    if left == 0:
        return phrase("left.today", lang)
    if left == 1:
        return phrase("left.one", lang)
    return phrase("left.many", lang, n=left)


def join_words(items: Sequence[object], lang: str) -> str:
    """Items joined as a person writes them: "2027 och 2028", "2025, 2026 and 2027"."""
    parts = [str(item) for item in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + phrase("and", lang) + parts[-1]
