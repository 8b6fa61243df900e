import sys
from pathlib import Path

# the scoring helpers (corpus_score, duckling) sit beside the tests
sys.path.insert(0, str(Path(__file__).parent))
