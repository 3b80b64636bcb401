# make install PREFIX=$HOME/.local: see scripts/install.sh.
PREFIX ?= /usr/local

.PHONY: install
install:
	PREFIX="$(PREFIX)" scripts/install.sh
