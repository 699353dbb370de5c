from .ceremony import CeremonyGroupNote, CeremonySetting, HonoureeProfile

__all__ = ["CeremonyGroupNote", "CeremonySetting", "HonoureeProfile"]
