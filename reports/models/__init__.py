from .reports import ReportSection, ReportStatus, SummaryReport

__all__ = ["ReportSection", "ReportStatus", "SummaryReport"]
