"""An import job's states: queued -> running -> checked | refused | done | failed; checked ->
queued (the user confirmed: the worker writes it) or running (a small file the page checked:
the page writes it); failed -> queued (tried again). The table and the one
function that moves a job; nothing else sets its status. (Jobs are not in the activity log:
the import's own writes are.)"""

from .models import ImportJob

S = ImportJob.Status

IMPORT_JOB_TRANSITIONS: dict[str, set[str]] = {
    S.QUEUED: {S.RUNNING, S.FAILED},
    S.RUNNING: {S.RUNNING, S.CHECKED, S.REFUSED, S.DONE, S.FAILED},  # RUNNING: a re-delivery
    S.CHECKED: {S.QUEUED, S.RUNNING},  # the user confirmed: write it (worker, or the page)
    S.FAILED: {S.QUEUED},  # the user tries again
}


def move_job(job_id: int, target: str, *, from_status: str | None = None, **fields) -> bool:
    """Move a job to `target` from any state the table allows (or from `from_status` only), in
    one conditional UPDATE, so two workers or two clicks cannot both make the move. True when
    the job moved."""
    sources = [source for source, targets in IMPORT_JOB_TRANSITIONS.items() if target in targets]
    if from_status is not None:
        sources = [source for source in sources if source == from_status]
    moved = ImportJob.objects.filter(pk=job_id, status__in=sources).update(status=target, **fields)
    return moved == 1
