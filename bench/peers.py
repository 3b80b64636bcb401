"""The Python peers of quorum-benchmark (issue 12), timed on the data the benchmark hands over.

quorum-benchmark --peers writes the rules of hd-06-2017 (their CEL text and parameters), the cycle and the generated
people to a JSON file and runs this script on it in bench/.venv (made by bench/setup-peers.sh). The script prints one
JSON object: evaluations a second for each rule engine, whole cycles a second for each state-machine library.

Every engine must let the same people through each rule as Quorum did (the counts come with the input); a peer that
disagrees stops the run, so that no figure compares different work.
"""

import argparse
import datetime
import json
import re
import sys
import time
from importlib.metadata import version

import cel
import celpy
import sismic.io
import statemachine
import zen
from sismic.interpreter import Interpreter

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# The same predicates in zen-engine's expression language (it has no CEL): a translation, rule by rule.
ZEN = {
    "hoan-thanh-tot-nhiem-vu-3-nam":
        "all(filter(cycle.recent_years, # >= cycle.year - params.years), contains(params.accepted, person.ratings[string(#)]))",
    "du-tuoi-cong-tac-mot-nhiem-ky":
        "person.birth_date != null and date(person.retirement_date) > date(cycle.term_end)",
    "trinh-do-dai-hoc": "contains(params.accepted, person.degree)",
    "ly-luan-chinh-tri-trung-cap": "contains(params.accepted, person.political_theory)",
    "khong-bi-ky-luat-gan-day": "not some(person.discipline, #.year >= cycle.year - params.years)",
}

# And as plain Python lambdas over the same dictionaries (dates as datetimes, ratings keyed by int year).
LAMBDAS = {
    "hoan-thanh-tot-nhiem-vu-3-nam": lambda p, c, k: all(
        y in p["ratings"] and p["ratings"][y] in k["accepted"] for y in c["recent_years"] if y >= c["year"] - k["years"]),
    "du-tuoi-cong-tac-mot-nhiem-ky": lambda p, c, k: "birth_date" in p and p.get("retirement_date", c["term_end"]) > c["term_end"],
    "trinh-do-dai-hoc": lambda p, c, k: p.get("degree") in k["accepted"],
    "ly-luan-chinh-tri-trung-cap": lambda p, c, k: p.get("political_theory") in k["accepted"],
    "khong-bi-ky-luat-gan-day": lambda p, c, k: not any(d["year"] >= c["year"] - k["years"] for d in p["discipline"]),
}


def as_cel(value):
    """What Quorum gives a rule: YYYY-MM-DD text as a timestamp, integer-looking map keys as ints."""
    if isinstance(value, dict):
        return {(int(k) if k.lstrip("-").isdigit() else k): as_cel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_cel(v) for v in value]
    if isinstance(value, str) and DATE.match(value):
        return datetime.datetime.fromisoformat(value).replace(tzinfo=datetime.timezone.utc)
    return value


def timed(rules, people, evaluate):
    """Seconds spent evaluating every rule for every person, and how many passed each rule."""
    passes, seconds = {}, 0.0
    for rule in rules:
        check = evaluate(rule)
        start = time.perf_counter()
        passes[rule["id"]] = sum(1 for person in people if check(person) is True)
        seconds += time.perf_counter() - start
    return seconds, passes


def rule_engines(data, sample):
    rules, cycle = data["rules"], as_cel(data["cycle"])
    people = [as_cel(p) for p in data["people"]]
    missing = [r["id"] for r in rules if r["id"] not in LAMBDAS or r["id"] not in ZEN]
    if missing:
        sys.exit(f"peers.py has no translation of {missing}: add them to LAMBDAS and ZEN")

    def lambdas(rule):
        body, params = LAMBDAS[rule["id"]], rule["params"]
        return lambda person: body(person, cycle, params)

    seconds, passes = timed(rules, people, lambdas)
    if passes != data["passes"]:
        sys.exit(f"the Python lambdas let different people through than Quorum: {passes} against {data['passes']}")
    figures = [("plain Python lambdas", len(people) * len(rules) / seconds)]
    subset = people[:sample]
    _, expected = timed(rules, subset, lambdas)

    def common_cel(rule):
        program, params = cel.compile(rule["expression"]), rule["params"]
        return lambda person: program.execute({"person": person, "cycle": cycle, "params": params})

    environment = celpy.Environment()
    cel_cycle = celpy.json_to_cel(cycle)
    cel_people = [celpy.json_to_cel(p) for p in subset]

    def cel_python(rule):
        program, params = environment.program(environment.compile(rule["expression"])), celpy.json_to_cel(rule["params"])
        def check(index):
            result = program.evaluate({"person": cel_people[index], "cycle": cel_cycle, "params": params})
            return isinstance(result, celpy.celtypes.BoolType) and bool(result)
        return check

    zen_cycle = data["cycle"]
    zen_people = data["people"][:sample]

    def zen_engine(rule):
        expression, params = zen.compile_expression(ZEN[rule["id"]]), rule["params"]
        return lambda index: expression.evaluate({"person": zen_people[index], "cycle": zen_cycle, "params": params})

    indices = list(range(len(subset)))
    for name, evaluate, inputs in [(f"common-expression-language {version('common-expression-language')}", common_cel, subset),
                                   (f"cel-python {version('cel-python')}", cel_python, indices),
                                   (f"zen-engine {version('zen-engine')}", zen_engine, indices)]:
        seconds, passes = timed(rules, inputs, evaluate)
        if passes != expected:
            sys.exit(f"{name} lets different people through than the lambdas: {passes} against {expected}")
        figures.append((name + f" ({len(subset)} people)", len(subset) * len(rules) / seconds))
    return figures


STEPS = ["buoc-1", "buoc-2", "buoc-3", "buoc-4"]


def sismic_cycles(count):
    states = [{"name": s, "transitions": [{"target": t, "event": "advance"}]} for s, t in zip(STEPS, STEPS[1:] + ["ket-thuc"])]
    chart = sismic.io.import_from_yaml(json.dumps({"statechart": {"name": "quy-trinh", "root state": {
        "name": "chu-ky", "initial": STEPS[0], "states": states + [{"name": "ket-thuc", "type": "final"}]}}}))
    start = time.perf_counter()
    for _ in range(count):
        interpreter = Interpreter(chart)
        interpreter.execute_once()
        for _ in STEPS:
            interpreter.queue("advance")
            interpreter.execute_once()
        assert interpreter.final
    return count / (time.perf_counter() - start)


class Procedure(statemachine.StateMachine):
    buoc_1 = statemachine.State(initial=True)
    buoc_2 = statemachine.State()
    buoc_3 = statemachine.State()
    buoc_4 = statemachine.State()
    ket_thuc = statemachine.State(final=True)
    advance = buoc_1.to(buoc_2) | buoc_2.to(buoc_3) | buoc_3.to(buoc_4) | buoc_4.to(ket_thuc)


def python_statemachine_cycles(count):
    start = time.perf_counter()
    for _ in range(count):
        machine = Procedure()
        for _ in STEPS:
            machine.advance()
        assert machine.ket_thuc.is_active
    return count / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="the JSON file quorum-benchmark wrote")
    parser.add_argument("--cycles", type=int, default=5000, help="whole cycles for each state-machine library")
    parser.add_argument("--sample", type=int, default=10000, help="people for the CEL and zen engines (the lambdas take all)")
    options = parser.parse_args()
    with open(options.input, encoding="utf-8") as file:
        data = json.load(file)
    rules = rule_engines(data, options.sample)
    cycles = [(f"sismic {version('sismic')} (4 steps)", sismic_cycles(options.cycles)),
              (f"python-statemachine {version('python-statemachine')} (4 steps)", python_statemachine_cycles(options.cycles))]
    print(json.dumps({"rules": [{"name": n, "rate": r} for n, r in rules],
                      "cycles": [{"name": n, "rate": r} for n, r in cycles]}))


if __name__ == "__main__":
    main()
