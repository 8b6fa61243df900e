from .cli import main

# Guarded: parse processes are spawned, and spawn imports the parent's main module again.
if __name__ == "__main__":
    main()
