# Make targets the operations manual names. Each calls the ./bot-core command line.
.PHONY: security-check

# Offline security checks (secrets in git, .env mode, JWT key, default passwords, debug logging,
# SpotBugs + FindSecBugs); exits non-zero on a finding. SKIP_STATIC=1 skips the SpotBugs pass.
security-check:
	./bot-core security-check $(if $(SKIP_STATIC),--skip-static-analysis,)
