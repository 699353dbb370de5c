from .reports import STATUS_BADGES, ReportSection, ReportStatus, SummaryReport

__all__ = ["STATUS_BADGES", "ReportSection", "ReportStatus", "SummaryReport"]
