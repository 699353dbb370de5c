"""Making verification codes: random (secrets), from an alphabet without look-alike letters,
unique (a clash, one in 2^50, draws again). Used by the services and the backfill migration."""

import secrets

from .models.verification import CODE_ALPHABET, CODE_LENGTH


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What the visitor typed or scanned, as stored: upper case, no dashes or spaces; letters
    read for digits (O for 0, I or L for 1) are not in the alphabet and make it unknown."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:32]


def fresh_codes(model, count: int) -> list[str]:
    """`count` codes not yet used by `model` (VerificationCode, or its historical model)."""
    codes: set[str] = set()
    while len(codes) < count:
        wanted = {new_code() for _ in range(count - len(codes))}
        taken = set(model.objects.filter(code__in=wanted).values_list("code", flat=True))
        codes |= wanted - taken
    return list(codes)
