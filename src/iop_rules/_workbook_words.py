"""Every word the facts workbook shows, in Swedish and English: sheet names, column headers and what each column
means, drop-down labels, the instructions and the reader's messages.

The words live in the message catalogues (``src/iop_rules/locale``, ids ``workbook.*``); this module names them by
the facts schema's own keys (collections and fields) and hands them on as ``(Swedish, English)`` pairs of the
catalogues' text, ``{…}`` still to be filled in by the caller. The sheets and columns themselves are derived from
the models (``_workbook.sheets``), and a test checks that every one of them has its words here.
"""

from __future__ import annotations

from .catalogue import Msg, catalogue, msg


def _pair(message: Msg) -> tuple[str, str]:
    # The catalogues' text as written, placeholders and all: the reader and the writer fill them in.
    return catalogue("sv").templates[message.id], catalogue("en").templates[message.id]


def _pairs(table: dict[str, Msg]) -> dict[str, tuple[str, str]]:
    return {key: _pair(message) for key, message in table.items()}


_SHEETS: dict[str, Msg] = {
    "snapshot": msg("workbook.sheet.snapshot"),
    "signatures": msg("workbook.sheet.signatures"),
    "amendments": msg("workbook.sheet.amendments"),
    "amendments.grants": msg("workbook.sheet.amendments.grants"),
    "termination_notices": msg("workbook.sheet.termination_notices"),
    "evaluations": msg("workbook.sheet.evaluations"),
    "follow_ups": msg("workbook.sheet.follow_ups"),
    "grant_payments": msg("workbook.sheet.grant_payments"),
    "annual_accounts": msg("workbook.sheet.annual_accounts"),
    "statistics_requests": msg("workbook.sheet.statistics_requests"),
    "statistics_deliveries": msg("workbook.sheet.statistics_deliveries"),
    "meetings": msg("workbook.sheet.meetings"),
    "principled_decisions": msg("workbook.sheet.principled_decisions"),
    "outreach_sessions": msg("workbook.sheet.outreach_sessions"),
    "joint_plans": msg("workbook.sheet.joint_plans"),
    "attestations": msg("workbook.sheet.attestations"),
    "fees_charged": msg("workbook.sheet.fees_charged"),
    "misuse_cases": msg("workbook.sheet.misuse_cases"),
    "misuse_cases.determinations": msg("workbook.sheet.misuse_cases.determinations"),
    "misuse_cases.repayments": msg("workbook.sheet.misuse_cases.repayments"),
    "misuse_cases.claims": msg("workbook.sheet.misuse_cases.claims"),
    "renegotiation_demands": msg("workbook.sheet.renegotiation_demands"),
    "disputes": msg("workbook.sheet.disputes"),
    "dialogues": msg("workbook.sheet.dialogues"),
    "authority_findings": msg("workbook.sheet.authority_findings"),
}

_HEADERS: dict[str, Msg] = {
    "id": msg("workbook.column.id"),
    "date": msg("workbook.column.date"),
    "as_of": msg("workbook.column.as_of"),
    "party": msg("workbook.column.party"),
    "signatory_role": msg("workbook.column.signatory_role"),
    "in_writing": msg("workbook.column.in_writing"),
    "signed_by_city": msg("workbook.column.signed_by_city"),
    "signed_by_fa": msg("workbook.column.signed_by_fa"),
    "changes": msg("workbook.column.changes"),
    "grants.parent": msg("workbook.column.grants.parent"),
    "grants.key": msg("workbook.column.grants.key"),
    "grants.value": msg("workbook.column.grants.value"),
    "mid_term": msg("workbook.column.mid_term"),
    "includes_compensation_review": msg("workbook.column.includes_compensation_review"),
    "revision_needed": msg("workbook.column.revision_needed"),
    "grant_year": msg("workbook.column.grant_year"),
    "amount": msg("workbook.column.amount"),
    "request_id": msg("workbook.column.request_id"),
    "contacts": msg("workbook.column.contacts"),
    "support_talks": msg("workbook.column.support_talks"),
    "persons_reached": msg("workbook.column.persons_reached"),
    "body": msg("workbook.column.body"),
    "convener": msg("workbook.column.convener"),
    "present": msg("workbook.column.present"),
    "city_present": msg("workbook.column.city_present"),
    "adopted_by": msg("workbook.column.adopted_by"),
    "city_participated": msg("workbook.column.city_participated"),
    "year": msg("workbook.column.year"),
    "item": msg("workbook.column.item"),
    "manifest": msg("workbook.column.manifest"),
    "determinations.parent": msg("workbook.column.determinations.parent"),
    "determinations.which": msg("workbook.column.determinations.which"),
    "determinations.body": msg("workbook.column.determinations.body"),
    "outcome": msg("workbook.column.outcome"),
    "repayments.parent": msg("workbook.column.repayments.parent"),
    "claims.parent": msg("workbook.column.claims.parent"),
    "ground": msg("workbook.column.ground"),
    "concluded": msg("workbook.column.concluded"),
    "raised_by": msg("workbook.column.raised_by"),
    "dispute_id": msg("workbook.column.dispute_id"),
    "authority": msg("workbook.column.authority"),
    "final": msg("workbook.column.final"),
    "concerns_activities": msg("workbook.column.concerns_activities"),
}

_DESCRIPTIONS: dict[str, Msg] = {
    "id": msg("workbook.column_help.id"),
    "date": msg("workbook.column_help.date"),
    "as_of": msg("workbook.column_help.as_of"),
    "party": msg("workbook.column_help.party"),
    "signatory_role": msg("workbook.column_help.signatory_role"),
    "in_writing": msg("workbook.column_help.in_writing"),
    "signed_by_city": msg("workbook.column_help.signed_by_city"),
    "signed_by_fa": msg("workbook.column_help.signed_by_fa"),
    "changes": msg("workbook.column_help.changes"),
    "grants.parent": msg("workbook.column_help.grants.parent"),
    "grants.key": msg("workbook.column_help.grants.key"),
    "grants.value": msg("workbook.column_help.grants.value"),
    "mid_term": msg("workbook.column_help.mid_term"),
    "includes_compensation_review": msg("workbook.column_help.includes_compensation_review"),
    "revision_needed": msg("workbook.column_help.revision_needed"),
    "grant_year": msg("workbook.column_help.grant_year"),
    "amount": msg("workbook.column_help.amount"),
    "request_id": msg("workbook.column_help.request_id"),
    "contacts": msg("workbook.column_help.contacts"),
    "support_talks": msg("workbook.column_help.support_talks"),
    "persons_reached": msg("workbook.column_help.persons_reached"),
    "body": msg("workbook.column_help.body"),
    "convener": msg("workbook.column_help.convener"),
    "present": msg("workbook.column_help.present"),
    "city_present": msg("workbook.column_help.city_present"),
    "adopted_by": msg("workbook.column_help.adopted_by"),
    "city_participated": msg("workbook.column_help.city_participated"),
    "year": msg("workbook.column_help.year"),
    "item": msg("workbook.column_help.item"),
    "manifest": msg("workbook.column_help.manifest"),
    "determinations.parent": msg("workbook.column_help.determinations.parent"),
    "determinations.which": msg("workbook.column_help.determinations.which"),
    "determinations.body": msg("workbook.column_help.determinations.body"),
    "outcome": msg("workbook.column_help.outcome"),
    "repayments.parent": msg("workbook.column_help.repayments.parent"),
    "claims.parent": msg("workbook.column_help.claims.parent"),
    "ground": msg("workbook.column_help.ground"),
    "concluded": msg("workbook.column_help.concluded"),
    "raised_by": msg("workbook.column_help.raised_by"),
    "dispute_id": msg("workbook.column_help.dispute_id"),
    "authority": msg("workbook.column_help.authority"),
    "final": msg("workbook.column_help.final"),
    "concerns_activities": msg("workbook.column_help.concerns_activities"),
}

_CHOICES: dict[str, Msg] = {
    "city": msg("workbook.choice.city"),
    "fa": msg("workbook.choice.fa"),
    "other": msg("workbook.choice.other"),
    "working_group": msg("workbook.choice.working_group"),
    "steering_group": msg("workbook.choice.steering_group"),
    "network": msg("workbook.choice.network"),
    "core_group": msg("workbook.choice.core_group"),
    "non_fulfilment": msg("workbook.choice.non_fulfilment"),
    "unforeseen_circumstances": msg("workbook.choice.unforeseen_circumstances"),
    "established": msg("workbook.choice.established"),
    "rejected": msg("workbook.choice.rejected"),
    "care_shown": msg("workbook.choice.care_shown"),
    "disproportionate": msg("workbook.choice.disproportionate"),
    "fa_staff": msg("workbook.choice.fa_staff"),
    "fa_support": msg("workbook.choice.fa_support"),
    "fa_volunteers": msg("workbook.choice.fa_volunteers"),
    "fa_outreach_coordination": msg("workbook.choice.fa_outreach_coordination"),
    "fa_statistics_coordination": msg("workbook.choice.fa_statistics_coordination"),
    "fa_premises": msg("workbook.choice.fa_premises"),
    "fa_administration": msg("workbook.choice.fa_administration"),
    "fa_civil_society": msg("workbook.choice.fa_civil_society"),
    "city_inform_residents": msg("workbook.choice.city_inform_residents"),
    "city_identify": msg("workbook.choice.city_identify"),
    "city_staff_awareness": msg("workbook.choice.city_staff_awareness"),
    "city_marketing": msg("workbook.choice.city_marketing"),
    "city_inform_fa": msg("workbook.choice.city_inform_fa"),
}

_WHEN_TEXT: dict[str, Msg] = {
    "snapshot": msg("workbook.when.snapshot"),
    "signatures": msg("workbook.when.signatures"),
    "amendments": msg("workbook.when.amendments"),
    "amendments.grants": msg("workbook.when.amendments.grants"),
    "termination_notices": msg("workbook.when.termination_notices"),
    "evaluations": msg("workbook.when.evaluations"),
    "follow_ups": msg("workbook.when.follow_ups"),
    "grant_payments": msg("workbook.when.grant_payments"),
    "annual_accounts": msg("workbook.when.annual_accounts"),
    "statistics_requests": msg("workbook.when.statistics_requests"),
    "statistics_deliveries": msg("workbook.when.statistics_deliveries"),
    "meetings": msg("workbook.when.meetings"),
    "principled_decisions": msg("workbook.when.principled_decisions"),
    "outreach_sessions": msg("workbook.when.outreach_sessions"),
    "joint_plans": msg("workbook.when.joint_plans"),
    "attestations": msg("workbook.when.attestations"),
    "fees_charged": msg("workbook.when.fees_charged"),
    "misuse_cases": msg("workbook.when.misuse_cases"),
    "misuse_cases.determinations": msg("workbook.when.misuse_cases.determinations"),
    "misuse_cases.repayments": msg("workbook.when.misuse_cases.repayments"),
    "misuse_cases.claims": msg("workbook.when.misuse_cases.claims"),
    "renegotiation_demands": msg("workbook.when.renegotiation_demands"),
    "disputes": msg("workbook.when.disputes"),
    "dialogues": msg("workbook.when.dialogues"),
    "authority_findings": msg("workbook.when.authority_findings"),
}

_WHEN_QUOTES: dict[str, tuple[tuple[str, str], ...]] = {
    "snapshot": (),
    "signatures": (('11', 'copies'),),
    "amendments": (('10', 'amendment'),),
    "amendments.grants": (('4', 'renegotiation'),),
    "termination_notices": (('4', 'notice'),),
    "evaluations": (('4', 'mid_term_evaluation'), ('8', 'evaluation')),
    "follow_ups": (('8', 'follow_up'),),
    "grant_payments": (('6', 'grant_payment'),),
    "annual_accounts": (('8', 'account'),),
    "statistics_requests": (('8', 'statistics'),),
    "statistics_deliveries": (('8', 'statistics'),),
    "meetings": (('7', 'working_group'), ('7', 'steering_convener'), ('6', 'city_convene')),
    "principled_decisions": (('7', 'principled_decisions'),),
    "outreach_sessions": (('6', 'city_outreach'),),
    "joint_plans": (('6', 'city_joint_plan'),),
    "attestations": (('8', 'follow_up_scope'),),
    "fees_charged": (('6', 'free_of_charge'),),
    "misuse_cases": (('8', 'repayment'),),
    "misuse_cases.determinations": (('8', 'exemption_a'), ('8', 'exemption_b')),
    "misuse_cases.repayments": (('8', 'repayment'),),
    "misuse_cases.claims": (('8', 'repayment'),),
    "renegotiation_demands": (('9', 'renegotiation'),),
    "disputes": (('9', 'dispute'),),
    "dialogues": (('9', 'dispute'),),
    "authority_findings": (('9', 'laws'),),
}

_INSTRUCTIONS: dict[str, Msg] = {
    "title": msg("workbook.instructions.title"),
    "parties": msg("workbook.instructions.parties"),
    "how": msg("workbook.instructions.how"),
    "ids": msg("workbook.instructions.ids"),
    "values": msg("workbook.instructions.values"),
    "privacy": msg("workbook.instructions.privacy"),
    "run": msg("workbook.instructions.run"),
    "sheet": msg("workbook.instructions.sheet"),
    "when": msg("workbook.instructions.when"),
    "words": msg("workbook.instructions.words"),
}

_MESSAGES: dict[str, Msg] = {
    "row": msg("workbook.error.row"),
    "not_a_workbook": msg("workbook.error.not_a_workbook"),
    "too_large_unpacked": msg("workbook.error.too_large_unpacked"),
    "too_many_parts": msg("workbook.error.too_many_parts"),
    "too_many_rows": msg("workbook.error.too_many_rows"),
    "unknown_sheet": msg("workbook.error.unknown_sheet"),
    "sheet_twice": msg("workbook.error.sheet_twice"),
    "unknown_header": msg("workbook.error.unknown_header"),
    "header_twice": msg("workbook.error.header_twice"),
    "missing_header": msg("workbook.error.missing_header"),
    "missing": msg("workbook.error.missing"),
    "excel_date": msg("workbook.error.excel_date"),
    "number_for_text": msg("workbook.error.number_for_text"),
    "date_with_time": msg("workbook.error.date_with_time"),
    "number_for_date": msg("workbook.error.number_for_date"),
    "as_written": msg("workbook.error.as_written"),
    "amount_type": msg("workbook.error.amount_type"),
    "whole_number": msg("workbook.error.whole_number"),
    "yes_no": msg("workbook.error.yes_no"),
    "choice": msg("workbook.error.choice"),
    "no_such_id": msg("workbook.error.no_such_id"),
    "id_twice": msg("workbook.error.id_twice"),
    "given_twice": msg("workbook.error.given_twice"),
    "one_row": msg("workbook.error.one_row"),
    "more": msg("workbook.error.more"),
}


SHEETS: dict[str, tuple[str, str]] = _pairs(_SHEETS)
"""Sheet names (at most 31 characters, Excel's limit)."""

INSTRUCTIONS_SHEET = _pair(msg("workbook.sheet.instructions"))
LISTS_SHEET = _pair(msg("workbook.sheet.lists"))
"""The hidden sheet the drop-down lists read their choices from."""

HEADERS: dict[str, tuple[str, str]] = _pairs(_HEADERS)
"""Column headers. ``{choice}`` is a party's label, one column each."""

DESCRIPTIONS: dict[str, tuple[str, str]] = _pairs(_DESCRIPTIONS)
"""What each column means, shown when hovering over its header."""

CHOICES: dict[str, tuple[str, str]] = _pairs(_CHOICES)
"""Drop-down labels of the schema's fixed values (parties, bodies, grounds, outcomes, duties)."""

CHOOSE = _pair(msg("workbook.choose"))
"""The title of the message a drop-down shows when a value is not in its list."""

YES = _pair(msg("workbook.yes"))
NO = _pair(msg("workbook.no"))

WHEN: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    key: (*_pair(message), _WHEN_QUOTES[key]) for key, message in _WHEN_TEXT.items()
}
"""When to record each kind of fact: (Swedish, English, the agreement's words as (section, quote key))."""

INSTRUCTIONS: dict[str, tuple[str, str]] = _pairs(_INSTRUCTIONS)
"""The instructions sheet; ``{…}`` are filled in from agreement.toml."""

MESSAGE: dict[str, Msg] = _MESSAGES
"""The workbook reader's messages as catalogue messages (for an error that is a whole message)."""

MESSAGES: dict[str, tuple[str, str]] = _pairs(_MESSAGES)
"""The workbook reader's messages; ``{value}``, ``{sheet}``, ``{header}`` are shown as the user wrote them."""


def pick(pair: tuple[str, str] | tuple[str, str, str], lang: str) -> str:
    """The Swedish (``sv``) or English word of a pair."""
    return pair[0] if lang == "sv" else pair[1]
