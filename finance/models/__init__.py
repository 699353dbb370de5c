from .budget import BudgetEstimate, BudgetLine, LineGroup
from .fund import FundEntry

__all__ = ["BudgetEstimate", "BudgetLine", "FundEntry", "LineGroup"]
