"""Every word the facts workbook shows, in Swedish and English: sheet names, column headers, the Swedish
descriptions of the fields (the English ones are the models' own docstrings), drop-down labels, the instructions
and the reader's messages.

One table per kind of word, ``key: (Swedish, English)``, so that the whole set can move into the message
catalogues in one piece. The keys are the facts schema's own names (collections and fields); the sheets and
columns themselves are derived from the models (``_workbook.sheets``), and a test checks that every one of them
has its words here.
"""

from __future__ import annotations

SHEETS: dict[str, tuple[str, str]] = {
    "snapshot": ("Registret", "Record"),
    "signatures": ("Underskrifter", "Signatures"),
    "amendments": ("Tillägg", "Amendments"),
    "amendments.grants": ("Tilläggens bidrag", "Amendment grants"),
    "termination_notices": ("Uppsägningar", "Termination notices"),
    "evaluations": ("Utvärderingar", "Evaluations"),
    "follow_ups": ("Uppföljningar", "Follow-ups"),
    "grant_payments": ("Bidragsutbetalningar", "Grant payments"),
    "annual_accounts": ("Redogörelser", "Annual accounts"),
    "statistics_requests": ("Statistikbegäranden", "Statistics requests"),
    "statistics_deliveries": ("Statistikleveranser", "Statistics deliveries"),
    "meetings": ("Möten", "Meetings"),
    "principled_decisions": ("Principiella beslut", "Principled decisions"),
    "outreach_sessions": ("Internetuppsök", "Outreach sessions"),
    "joint_plans": ("Gemensam plan", "Joint plan"),
    "attestations": ("Intyganden", "Attestations"),
    "fees_charged": ("Avgifter", "Fees charged"),
    "misuse_cases": ("Felaktig medelsanvändning", "Misuse cases"),
    "misuse_cases.determinations": ("Undantagsbedömningar", "Determinations"),
    "misuse_cases.repayments": ("Återbetalningar", "Repayments"),
    "misuse_cases.claims": ("Återbetalningskrav", "Claims"),
    "renegotiation_demands": ("Omförhandlingskrav", "Renegotiation demands"),
    "disputes": ("Tvister", "Disputes"),
    "dialogues": ("Dialoger", "Dialogues"),
    "authority_findings": ("Myndighetsbeslut", "Authority findings"),
}
"""Sheet names (at most 31 characters, Excel's limit)."""

INSTRUCTIONS_SHEET = ("Instruktioner", "Instructions")
LISTS_SHEET = ("Listor", "Lists")
"""The hidden sheet the drop-down lists read their choices from."""

HEADERS: dict[str, tuple[str, str, str]] = {
    "id": ("Id", "Id", "Ett id som är unikt i hela registret, t.ex. gp-2026-1; rapporten hänvisar till det."),
    "date": ("Datum", "Date", "Dagen det hände (ÅÅÅÅ-MM-DD)."),
    "as_of": ("Gäller per", "As of", "Dagen registret beskriver; rapporten utgår från den om inget annat anges."),
    "party": ("Part", "Party", "Parten: staden eller Frälsningsarmén."),
    "signatory_role": ("Undertecknarens roll", "Signatory's role", "Rollen som undertecknade, t.ex. Socialdirektör; aldrig en persons namn."),
    "in_writing": ("Skriftligt", "In writing", "Om tillägget upprättades skriftligen (\"upprättas skriftligen\")."),
    "signed_by_city": ("Undertecknat av staden", "Signed by city", "Dagen staden undertecknade tillägget, om den gjorde det."),
    "signed_by_fa": ("Undertecknat av Frälsningsarmén", "Signed by the Salvation Army", "Dagen Frälsningsarmén undertecknade tillägget, om den gjorde det."),
    "changes": ("Ändringar", "Changes", "Vad tillägget ändrar, med några ord (inga personuppgifter)."),
    "grants.parent": ("Tillägg", "Amendment", "Id för tillägget som avtalar bidraget."),
    "grants.key": ("År", "Year", "Året bidraget gäller (§4 ersättningen för 2027 och 2028)."),
    "grants.value": ("Belopp", "Amount", "Bidraget för året i kronor, högst två decimaler."),
    "mid_term": ("Halvtidsutvärdering", "Mid-term evaluation", "Om det är §4-utvärderingen vid halva avtalstiden (\"utvärdera överenskommelsen\")."),
    "includes_compensation_review": ("Översyn av ersättningen", "Compensation review", "Om utvärderingen omfattade översynen av den ekonomiska ersättningen."),
    "revision_needed": ("Revidering behövs", "Revision needed", "Om utvärderingen konstaterade att överenskommelsen behöver revideras (\"revidera den vid behov\")."),
    "grant_year": ("Bidragsår", "Grant year", "Året vars bidrag det gäller."),
    "amount": ("Belopp", "Amount", "Beloppet i kronor, exakt, högst två decimaler (öre)."),
    "request_id": ("Begäran", "Request", "Id för den begäran om statistik som leveransen besvarar."),
    "contacts": ("Kontakter", "Contacts", "Antal kontakter."),
    "support_talks": ("Stödsamtal", "Support talks", "Antal stödsamtal."),
    "persons_reached": ("Personer som nåtts", "Persons reached", "Antal personer som nåtts av det förebyggande arbetet i internetuppsöket."),
    "body": ("Organ", "Body", "Organet: arbetsgrupp, styrgrupp, nätverk eller kärngrupp (för beslut även annat)."),
    "convener": ("Sammankallande", "Convener", "Vem som kallade till mötet."),
    "present": ("Närvarande: {choice}", "Present: {choice}", "Om parten hade representanter närvarande."),
    "city_present": ("Staden deltog", "City took part", "Om staden deltog i internetuppsöket."),
    "adopted_by": ("Antagen av: {choice}", "Adopted by: {choice}", "Om parten antog planen."),
    "city_participated": ("Staden medverkade", "City participated", "Om staden medverkade i framtagandet av planen."),
    "year": ("År", "Year", "Kalenderåret som intygas."),
    "item": ("Åtagande", "Duty", "Det åtagande i §6 som intygas."),
    "manifest": ("Uppenbart utanför ändamålen", "Manifestly outside the purposes", "Om medlen uppenbart använts utanför ramen för avsedda ändamål; tomt så länge det inte är bedömt."),
    "determinations.parent": ("Ärende", "Case", "Id för ärendet om felaktig medelsanvändning."),
    "determinations.which": ("Undantag", "Exemption", "Vilket undantag i §8 beslutet gäller: (a) omsorg eller (b) oproportionerligt."),
    "determinations.body": ("Beslutande organ", "Deciding body", "Organet som fattade beslutet, t.ex. Socialnämnden, när det är känt; aldrig en persons namn."),
    "outcome": ("Utfall", "Outcome", "Om undantaget befanns gälla."),
    "repayments.parent": ("Ärende", "Case", "Id för ärendet om felaktig medelsanvändning."),
    "claims.parent": ("Ärende", "Case", "Id för ärendet om felaktig medelsanvändning."),
    "ground": ("Grund", "Ground", "Grunden: motparten fullföljer inte sina åtaganden, eller oförutsedda omständigheter."),
    "concluded": ("Avslutad", "Concluded", "Dagen omförhandlingen avslutades, om den har avslutats."),
    "raised_by": ("Väckt av", "Raised by", "Parten som väckte tvisten."),
    "dispute_id": ("Tvist", "Dispute", "Id för tvisten som dialogen gäller."),
    "authority": ("Myndighet", "Authority", "Myndigheten, t.ex. IVO."),
    "final": ("Laga kraft", "Final", "Dagen beslutet vann laga kraft, om det har gjort det."),
    "concerns_activities": ("Gäller verksamheten", "Concerns the activities", "Om beslutet gäller verksamheten enligt överenskommelsen; tomt så länge det inte är bedömt."),
}
"""Column headers: (Swedish, English, Swedish description). ``{choice}`` is a party's label, one column each."""

DESCRIPTIONS_EN: dict[str, str] = {
    "grants.parent": "The id of the amendment that agrees the grant.",
    "grants.key": "The year the grant is for (the §4 compensation for 2027 and 2028).",
    "grants.value": "The grant for the year in SEK, at most two decimals.",
    "determinations.parent": "The id of the misuse case.",
    "determinations.which": "Which §8 exemption the decision is on: (a) care shown or (b) disproportionate.",
    "repayments.parent": "The id of the misuse case.",
    "claims.parent": "The id of the misuse case.",
}
"""English descriptions of the columns that are not a model's field (the rest come from the docstrings)."""

CHOICES: dict[str, tuple[str, str]] = {
    "city": ("Staden", "City"),
    "fa": ("Frälsningsarmén", "Salvation Army"),
    "other": ("Annan", "Other"),
    "working_group": ("Arbetsgrupp", "Working group"),
    "steering_group": ("Styrgrupp", "Steering group"),
    "network": ("Nätverk", "Network"),
    "core_group": ("Kärngrupp", "Core group"),
    "non_fulfilment": ("Åtaganden fullföljs inte", "Commitments not fulfilled"),
    "unforeseen_circumstances": ("Oförutsedda omständigheter", "Unforeseen circumstances"),
    "established": ("Gäller", "Established"),
    "rejected": ("Gäller inte", "Rejected"),
    "care_shown": ("(a) Omsorg iakttagen", "(a) Care shown"),
    "disproportionate": ("(b) Oproportionerligt", "(b) Disproportionate"),
    "fa_staff": ("FA: personalresurser", "FA: staff"),
    "fa_support": ("FA: praktiskt och socialt stöd", "FA: practical and social support"),
    "fa_volunteers": ("FA: kontaktpersoner", "FA: volunteer contacts"),
    "fa_outreach_coordination": ("FA: koordinering av internetuppsök", "FA: outreach coordination"),
    "fa_statistics_coordination": ("FA: koordinering av statistik", "FA: statistics coordination"),
    "fa_premises": ("FA: lokaler", "FA: premises"),
    "fa_administration": ("FA: administrativa resurser", "FA: administration"),
    "fa_civil_society": ("FA: samverkan med civila samhället", "FA: civil society"),
    "city_inform_residents": ("Staden: informera invånare", "City: inform residents"),
    "city_identify": ("Staden: identifiera personer", "City: identify persons"),
    "city_staff_awareness": ("Staden: medarbetarnas kännedom", "City: staff awareness"),
    "city_marketing": ("Staden: marknadsföring", "City: marketing"),
    "city_inform_fa": ("Staden: information till FA", "City: inform FA"),
}
"""Drop-down labels of the schema's fixed values (parties, bodies, grounds, outcomes, duties)."""

YES = ("ja", "yes")
NO = ("nej", "no")

WHEN: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "snapshot": ("Dagen registret senast fördes à jour.", "The day the record was last brought up to date.", ()),
    "signatures": ("När en part undertecknar överenskommelsen.", "When a party signs the agreement.", (("11", "copies"),)),
    "amendments": ("När ett tillägg eller en ändring upprättas, och när parterna undertecknar det.", "When an addition or change is drawn up, and when the parties sign it.", (("10", "amendment"),)),
    "amendments.grants": ("När ett tillägg avtalar bidraget för ett år.", "When an amendment agrees the grant for a year.", (("4", "renegotiation"),)),
    "termination_notices": ("När en part säger upp överenskommelsen i förtid.", "When a party gives notice of early termination.", (("4", "notice"),)),
    "evaluations": ("När parterna utvärderar överenskommelsen.", "When the parties evaluate the agreement.", (("4", "mid_term_evaluation"), ("8", "evaluation"))),
    "follow_ups": ("När parterna följer upp överenskommelsen.", "When the parties follow up the agreement.", (("8", "follow_up"),)),
    "grant_payments": ("När staden betalar ut bidraget.", "When the city pays the grant.", (("6", "grant_payment"),)),
    "annual_accounts": ("När Frälsningsarmén lämnar sin skriftliga redogörelse för ett år.", "When the Salvation Army hands in its written account of a year.", (("8", "account"),)),
    "statistics_requests": ("När staden begär statistik.", "When the city requests statistics.", (("8", "statistics"),)),
    "statistics_deliveries": ("När Frälsningsarmén lämnar statistik.", "When the Salvation Army delivers statistics.", (("8", "statistics"),)),
    "meetings": ("Efter varje möte i arbetsgrupp, styrgrupp, nätverk eller kärngrupp.", "After every meeting of the working group, steering group, network or core group.", (("7", "working_group"), ("7", "steering_convener"), ("6", "city_convene"))),
    "principled_decisions": ("När ett principiellt beslut fattas.", "When a principled decision is taken.", (("7", "principled_decisions"),)),
    "outreach_sessions": ("Efter varje internetuppsök.", "After every internet-outreach session.", (("6", "city_outreach"),)),
    "joint_plans": ("När den gemensamma planen antas.", "When the joint plan is adopted.", (("6", "city_joint_plan"),)),
    "attestations": ("Vid uppföljningen: för varje åtagande i §6 som uppfyllts under året.", "At the follow-up: for each §6 duty met during the year.", (("8", "follow_up_scope"),)),
    "fees_charged": ("Om en avgift ändå har tagits ut av en enskild.", "If a fee was nevertheless charged to an individual.", (("6", "free_of_charge"),)),
    "misuse_cases": ("När det framkommer att medel kan ha använts utanför ändamålen.", "When it comes to light that funds may have been used outside the purposes.", (("8", "repayment"),)),
    "misuse_cases.determinations": ("När någon har beslutat om ett av undantagen i §8.", "When someone has decided on one of the §8 exemptions.", (("8", "exemption_a"), ("8", "exemption_b"))),
    "misuse_cases.repayments": ("När Frälsningsarmén betalar tillbaka på ett ärende.", "When the Salvation Army repays money on a case.", (("8", "repayment"),)),
    "misuse_cases.claims": ("När staden kräver återbetalning på ett ärende.", "When the city claims repayment on a case.", (("8", "repayment"),)),
    "renegotiation_demands": ("När en part kräver omförhandling, och när den avslutas.", "When a party demands renegotiation, and when it is concluded.", (("9", "renegotiation"),)),
    "disputes": ("När en tvist uppstår mellan parterna.", "When a dispute arises between the parties.", (("9", "dispute"),)),
    "dialogues": ("När en dialog hålls för att lösa en tvist.", "When a dialogue is held to resolve a dispute.", (("9", "dispute"),)),
    "authority_findings": ("När en myndighet konstaterar att Frälsningsarmén inte följt lag eller föreskrift.", "When an authority finds that the Salvation Army did not follow a law or regulation.", (("9", "laws"),)),
}
"""When to record each kind of fact: (Swedish, English, the agreement's words as (section, quote key))."""

INSTRUCTIONS: dict[str, tuple[str, str]] = {
    "title": ("Register över partnerskapet: {title}", "Record of the partnership: {title}"),
    "parties": ("Parter: {city} och {fa}.", "Parties: {city} and {fa}."),
    "how": (
        "Fyll i en rad per händelse på bladet för den sortens uppgift. Tomma rader hoppas över.",
        "Fill in one row per event on the sheet for that kind of fact. Empty rows are skipped.",
    ),
    "ids": (
        "Varje rad har ett eget id (t.ex. gp-2026-1) som inte får finnas på någon annan rad. Kolumner som hänvisar till en annan rad (t.ex. Begäran, Tvist, Ärende) väljs i listan.",
        "Every row has its own id (e.g. gp-2026-1) that no other row may use. Columns that refer to another row (e.g. Request, Dispute, Case) are chosen from the list.",
    ),
    "values": (
        "Datum skrivs som datum (ÅÅÅÅ-MM-DD). Belopp i kronor med högst två decimaler (öre). Ja/nej, parter, organ och grunder väljs i listan. Muspekaren över en rubrik visar vad kolumnen betyder.",
        "Dates as dates (YYYY-MM-DD). Amounts in SEK with at most two decimals (öre). Yes/no, parties, bodies and grounds are chosen from the list. Hovering over a header shows what the column means.",
    ),
    "privacy": (
        "Inga personuppgifter: inga namn, inga uppgifter om de personer som får stöd, inga ärendedetaljer. Bara datum, antal, belopp och vilken part som gjorde vad.",
        "No personal data: no names, nothing about the people helped, no case details. Only dates, counts, amounts and which party did what.",
    ),
    "run": (
        "Kontrollera registret: iop-rules check {file}",
        "Check the record: iop-rules check {file}",
    ),
    "sheet": ("Blad", "Sheet"),
    "when": ("När det ska registreras", "When to record it"),
    "words": ("Överenskommelsens ord", "The agreement's words"),
}
"""The instructions sheet; ``{…}`` are filled in from agreement.toml."""

MESSAGES: dict[str, tuple[str, str]] = {
    "row": ("rad", "row"),
    "not_a_workbook": ("filen kan inte läsas som en Excel-arbetsbok (.xlsx): {reason}", "the file cannot be read as an Excel workbook (.xlsx): {reason}"),
    "too_large_unpacked": ("arbetsboken packas upp till {size} byte, mer än gränsen {limit} byte", "the workbook unpacks to {size} bytes, more than the limit of {limit} bytes"),
    "too_many_parts": ("arbetsboken har {count} delar, fler än gränsen {limit}", "the workbook has {count} parts, more than the limit of {limit}"),
    "too_many_rows": ("fler än {limit} rader; gränsen är {limit}", "more than {limit} rows; the limit is {limit}"),
    "unknown_sheet": ("bladet {sheet} känns inte igen; förväntade ett av: {names}", "sheet {sheet} not recognised; expected one of: {names}"),
    "sheet_twice": ("bladet finns två gånger (även som {other})", "the sheet is there twice (also as {other})"),
    "unknown_header": ("kolumnrubriken {header} känns inte igen; förväntade en av: {names}", "column header {header} not recognised; expected one of: {names}"),
    "header_twice": ("kolumnrubriken {header} står två gånger", "column header {header} appears twice"),
    "missing_header": ("kolumnen {header} saknas men krävs", "column {header} is missing but required"),
    "missing": ("fältet är tomt men krävs", "the cell is empty but required"),
    "excel_date": ("Excel har gjort om cellen till ett datum ({value}); förväntade text: formatera cellen som text och skriv in värdet igen", "Excel turned the cell into a date ({value}); expected text: format the cell as text and type the value again"),
    "number_for_text": ("cellen innehåller talet {value}; förväntade text: formatera cellen som text och skriv in värdet igen", "the cell holds the number {value}; expected text: format the cell as text and type the value again"),
    "date_with_time": ("förväntade ett datum utan klockslag", "expected a date without a time of day"),
    "number_for_date": ("cellen innehåller talet {value}, inte ett datum; formatera cellen som datum eller skriv ÅÅÅÅ-MM-DD", "the cell holds the number {value}, not a date; format the cell as a date or write YYYY-MM-DD"),
    "as_written": ("{sv}", "{en}"),
    "amount_type": ("förväntade ett belopp i kronor", "expected an amount in SEK"),
    "whole_number": ("förväntade ett heltal", "expected a whole number"),
    "yes_no": ("förväntade ja eller nej", "expected yes or no"),
    "choice": ("förväntade ett av: {names}", "expected one of: {names}"),
    "no_such_id": ("finns inte som id på bladet {sheet}", "is not an id on sheet {sheet}"),
    "id_twice": ("används redan på bladet {sheet}, rad {row}; varje rad behöver ett eget id", "is already used on sheet {sheet}, row {row}; every row needs its own id"),
    "given_twice": ("{what} för {parent} finns redan på rad {row}", "{what} for {parent} is already given on row {row}"),
    "one_row": ("bladet har bara en rad med uppgifter; rad {row} har redan dem", "the sheet holds one row only; row {row} already holds it"),
    "more": ("… och {count} fel till", "… and {count} more errors"),
}
"""The workbook reader's messages; ``{value}``, ``{sheet}``, ``{header}`` are shown as the user wrote them."""


def pick(pair: tuple[str, str] | tuple[str, str, str], lang: str) -> str:
    """The Swedish (``sv``) or English word of a pair."""
    return pair[0] if lang == "sv" else pair[1]
