"""What every app shares and that belongs to none of them: the domain error, Vietnamese text
helpers, diacritic-free search, Excel import helpers, extension registries, notifications and view
helpers. `core` imports no other app of the project; every app may import it."""
