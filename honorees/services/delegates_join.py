"""Approved honourees join the conference's delegate register, under its honoree category,
without anyone typing them again (delegates.services.upsert_honoree_delegate)."""


def source_key(nomination) -> str:
    return f"honorees.nomination:{nomination.pk}"


def join_delegate_register(nomination, *, by) -> None:
    """Side effects: a delegate row (created or refreshed), an activity entry."""
    from delegates.services import upsert_honoree_delegate

    upsert_honoree_delegate(
        conference=nomination.round.conference,
        source_key=source_key(nomination),
        full_name=nomination.display_name,
        is_collective=nomination.is_collective,
        by=by,
        gender=nomination.gender,
        birth_year=nomination.birth_year,
        ethnicity=nomination.ethnicity,
        position=nomination.position,
        unit=nomination.unit,
        unit_name=nomination.unit_name,
        sector=nomination.sector,  # the same list (core.vocabulary.Sector)
        works_directly_in_production=nomination.works_directly_in_production,
        is_household=nomination.is_household,
    )
