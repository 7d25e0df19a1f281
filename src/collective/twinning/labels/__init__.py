"""Quality Labels: eligibility, evaluation, what was awarded."""
