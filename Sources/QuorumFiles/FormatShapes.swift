/// The workflow and rule-set formats, key by key. `docs/workflow-format.md` explains them with examples.
enum FormatShapes {
    static let identifier = #"^[a-z0-9][a-z0-9-]*$"#
    static func id(_ what: String) -> Shape {
        .string("Identifier of the \(what): lower-case letters without diacritics, digits and hyphens, e.g. lanh-dao-vp.", pattern: identifier)
    }

    static let workflow = Shape.object([
        .init("id", id("workflow"), required: true),
        .init("name", .string("Name of the procedure or track, in Vietnamese as in the plan.")),
        .init("version", .integer("Version of this definition; raise it when you change the file.", minimum: 1)),
        .init("abstract", .boolean("true for a procedure written once and extended by tracks; it cannot be started itself.")),
        .init("extends", .string("Id of the workflow this one extends. Its keys are inherited; lists with ids merge by id.", pattern: identifier)),
        .init("basis", .string("The legal basis followed, e.g. Hướng dẫn số 06-HD/BTCTW ngày 24/02/2017.")),
        .init("rules", .string("Id of the rule set in rules/ whose quorum, threshold and selection rules the steps use.", pattern: identifier)),
        .init("term", .string("The term the plan targets, e.g. 2021-2026.")),
        .init("term-start", .string("The term's first day, YYYY-MM-DD; default 1 January of the term's first year.", pattern: #"^\d{4}-\d{2}-\d{2}$"#)),
        .init("term-end", .string("The term's last day, YYYY-MM-DD; default 31 December of the year before the term's last year.", pattern: #"^\d{4}-\d{2}-\d{2}$"#)),
        .init("deadline", .string("The day by which the result must reach the approving authority, YYYY-MM-DD; schedule and status warn about steps planned after it and as it nears.", pattern: #"^\d{4}-\d{2}-\d{2}$"#)),
        .init("cycle", .string("The review cycle, e.g. Rà soát, bổ sung quy hoạch năm 2021.")),
        .init("year", .integer("The year of the review cycle, e.g. 2021; rules see it as cycle.year.", minimum: 1)),
        .init("eligibility", .list(.string("Id of an eligibility rule.", pattern: identifier),
                                   "Eligibility rules every candidate must meet, for every title.")),
        .init("structure", .list(.string("Id of a structure rule.", pattern: identifier),
                                 "Structure targets checked on each title's final list.")),
        .init("authority", .string("The approving authority for titles that do not name their own.")),
        .init("timezone", .string("IANA time zone of the meeting times; default Asia/Ho_Chi_Minh.")),
        .init("note", .string("Free note, e.g. that members and votes are sample data.")),
        .init("organization", .string("The body issuing the official documents, as sentences name it, e.g. Văn phòng UBND tỉnh; headers print it in capitals.")),
        .init("parent-organization", .string("The body above it, printed over it in the header, e.g. UBND tỉnh.")),
        .init("location", .string("The place written before the date of the documents (\"<location>, ngày … tháng … năm …\").")),
        .init("signer", .object([
            .init("title", .string("The signer's title line, e.g. CHÁNH VĂN PHÒNG.")),
            .init("name", .string("The signer's full name.")),
        ], "Who signs the submission.")),
        .init("records", .object([
            .init("format", .choice(["state", "party"], "state: the layout of Decree 30/2020/NĐ-CP (default); party: the layout of Party documents, Guidance 36-HD/VPTW.")),
            .init("abbreviation", .string("The issuing body's abbreviation in document symbols, e.g. VP gives Số: …/TTr-VP.")),
            .init("party-committee", .string("Party format: the superior Party body, printed first in the header, e.g. ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH.")),
            .init("party-organization", .string("Party format: the Party body issuing the records, e.g. ĐẢNG ỦY VĂN PHÒNG UBND TỈNH.")),
            .init("party-abbreviation", .string("Party format: its abbreviation in document symbols, e.g. ĐU gives Số …-TTr/ĐU.")),
            .init("recipients", .list(.string("One line of Nơi nhận."), "Who receives the submission besides the authority it is addressed to.")),
            .init("archive", .list(.string("Who keeps a copy, e.g. VT or HCTC."), "The archive line: Lưu: VT, HCTC.")),
            .init("confidential", .boolean("true to mark every record MẬT (confidential).")),
            .init("chair", .string("Id of the person who chairs the meetings and signs their minutes, unless the results name another.", pattern: identifier)),
            .init("party-signer", .object([
                .init("title", .string("The signer's title in the Party format, e.g. BÍ THƯ.")),
                .init("name", .string("The signer's full name.")),
            ], "Who signs in the Party format.")),
            .init("plan", .object([
                .init("title", .string("The plan's subject line, e.g. Rà soát, bổ sung quy hoạch cán bộ năm 2021; default the cycle.")),
                .init("basis", .string("What the plan carries out, e.g. Kế hoạch số 167-KH/TU ngày 24/02/2020 của Ban Thường vụ Tỉnh ủy …")),
                .init("purpose", .string("I.1 Mục đích.")),
                .init("requirements", .list(.string("One requirement."), "I.2 Yêu cầu.")),
                .init("executor", .string("Who prepares the work, e.g. Phòng Hành chính - Tổ chức tham mưu.")),
                .init("closing", .list(.string("One line."), "III. Tổ chức thực hiện.")),
                .init("recipients", .list(.string("One line of Nơi nhận."), "Who receives the plan.")),
                .init("archive", .string("The archive line of the plan, e.g. VT, HCTC (02b).")),
            ], "The words of the plan document (quorum report --plan) that the procedure does not give.")),
        ], "How the official records are laid out and addressed.")),
        .init("people", .list(person, "Named people referred to by bodies and titles.")),
        .init("bodies", .list(body, "The bodies that meet: named members, a head count, or other bodies combined.")),
        .init("titles", .list(title, "The titles planned for, with their caps and the people kept or removed.")),
        .init("steps", .list(step, "The meetings of the procedure, in order.")),
    ], "A workflow definition: a procedure, or a track that extends one.")

    static let person = Shape.object([
        .init("id", id("person"), required: true),
        .init("name", .string("Full name, e.g. Lê Quốc Đạt.")),
        .init("note", .string("Free note, e.g. current position.")),
        .init("code", .string("The person's id in the roster (personnel number, mã cán bộ), when it differs from 'id'.")),
    ], "A person.")

    static let body = Shape.object([
        .init("id", id("body"), required: true),
        .init("name", .string("Name of the body, e.g. Lãnh đạo Văn phòng UBND tỉnh.")),
        .init("members", .list(.object([
            .init("person", .string("Id of a person under 'people'.", pattern: identifier)),
            .init("role", .string("Role in the body, e.g. Chánh Văn phòng.")),
        ], "A named member."), "Named members.")),
        .init("count", .integer("Number of members not named individually.", minimum: 1)),
        .init("includes", .list(.string("Id of another body.", pattern: identifier),
                                "Bodies whose members also belong to this one; a person in several counts once.")),
    ], "A body that meets.")

    static let title = Shape.object([
        .init("id", id("title"), required: true),
        .init("name", .string("Name of the title, e.g. Phó Chánh Văn phòng UBND tỉnh.")),
        .init("cap", .integer("Most people in the plan for this title, kept people included; default: the selection rule's cap.", minimum: 1)),
        .init("authority", .string("Who approves the plan for this title, e.g. Ban Thường vụ Tỉnh ủy.")),
        .init("kept", .list(.string("Id of a person.", pattern: identifier), "People already in the plan who are kept (giữ quy hoạch).")),
        .init("removed", .list(.object([
            .init("person", .string("Id of a person.", pattern: identifier)),
            .init("reason", .string("Why they leave the plan, for the record.")),
        ], "A removal."), "People proposed for removal from the plan (đưa ra khỏi quy hoạch), with reasons.")),
        .init("eligibility", .list(.string("Id of an eligibility rule.", pattern: identifier),
                                   "Further eligibility rules for candidates to this title.")),
    ], "A title in the plan.")

    static let step = Shape.object([
        .init("id", id("step"), required: true),
        .init("name", .string("Name of the meeting, e.g. Hội nghị cán bộ chủ chốt.")),
        .init("body", .string("Id of the body that meets.", pattern: identifier)),
        .init("form", .choice(["discussion", "nomination-ballot", "secret-ballot"],
                              "discussion: the body agrees a list; nomination-ballot: written nomination ballot; secret-ballot: written secret ballot.")),
        .init("purpose", .string("What the meeting is for, as the plan says.")),
        .init("date", .string("Meeting date, YYYY-MM-DD.", pattern: #"^\d{4}-\d{2}-\d{2}$"#)),
        .init("time", .string("Meeting time, HH:MM (quote it: \"14:00\").", pattern: #"^\d{1,2}:\d{2}$"#)),
        .init("timezone", .string("IANA time zone for this step; default the workflow's.")),
        .init("quorum", .string("Id of a quorum rule: how many members must attend.", pattern: identifier)),
        .init("threshold", .string("Id of a threshold rule: who passes the vote.", pattern: identifier)),
        .init("selection", .string("Id of a selection rule: rank from the top down within the title's cap.", pattern: identifier)),
        .init("ballot-validity", .list(.string("Id of a ballot-validity rule.", pattern: identifier),
                                       "Rules a ballot paper must meet to be valid, checked when papers are entered one by one.")),
        .init("secrecy", .choice(["totals", "unordered", "numbered"],
                                 "What is kept of each ballot paper: totals only (default for secret ballots), unordered papers, or numbered papers (open steps only).")),
        .init("double-entry", .boolean("true to have the results entered twice, by different people, and closed only when both agree.")),
        .init("place", .string("Where the meeting is held, for the minutes.")),
        .init("after", .object([
            .init("step", .string("The step this meeting follows.", pattern: identifier)),
            .init("workflow", .string("The workflow of that step, when it is another track's.", pattern: identifier)),
            .init("days", .integer("Whole days later, e.g. 1 for the next day.", minimum: 0)),
            .init("time", .string("Time of day on that day, HH:MM.", pattern: #"^\d{1,2}:\d{2}$"#)),
            .init("by", .string("A span after that: 30m, 1h, 1h30m.")),
        ], "Instead of date and time: a time relative to another step, of this track or another.")),
        .init("weekday", .string("The weekday the plan writes next to the date, e.g. Thứ năm; checked against the date.")),
        .init("duration", .string("How long the meeting lasts (default 1h), for clash checks and calendars: 45m, 1h30m.")),
        .init("skip", .boolean("true in a track to leave out a step of the procedure it extends.")),
        .init("review", .boolean("true when the meeting reviews the people already in the plan: each is kept, or removed with a reason.")),
        .init("list-decided-by", .string("Id of the body that decides, on this ballot's counts, who goes on (instead of an automatic threshold).", pattern: identifier)),
        .init("transitions", .list(.object([
            .init("when", .choice(["quorum-not-met", "nobody-passes"], "The condition; leave it out for the default path.")),
            .init("to", .string("Id of a step (the same one to hold it again), or 'end'.", pattern: identifier)),
        ], "A path out of the step."), "Paths out of the step, tried in order; without them the step leads to the next one.")),
    ], "A step: one meeting.")

    static let ruleSet = Shape.object([
        .init("id", id("rule set"), required: true),
        .init("name", .string("Name of the rule set.")),
        .init("basis", .string("The legal document the rules come from.")),
        .init("effective", .object([
            .init("from", .string("First day the rules apply, YYYY-MM-DD.")),
            .init("until", .string("Last day the rules apply, YYYY-MM-DD; leave out while in force.")),
        ], "When the rules are in force.")),
        .init("note", .string("Free note.")),
        .init("rules", .list(rule, "The rules.")),
        .init("limits", .object([
            .init("titles-per-person", .integer("The most titles one person may be planned for at the same level, counted across the cycle.", minimum: 1)),
            .init("basis", .string("Where the limit comes from.")),
            .init("note", .string("Free note.")),
        ], "Limits that hold across the whole cycle.")),
        .init("retirement-age", .object([
            .init("basis", .string("Where the ages come from, e.g. Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP.")),
            .init("note", .string("Free note.")),
            .init("schedules", .list(.object([
                .init("gender", .choice(["nam", "nữ"], "The sex the schedule applies to.")),
                .init("before", .string("The age before the schedule starts, e.g. 60y.")),
                .init("from-year", .integer("The first year of the rising schedule, e.g. 2021.", minimum: 1900)),
                .init("start", .string("The age in that year, e.g. 60y3m.")),
                .init("step", .string("How much it rises each year, e.g. 3m.")),
                .init("until", .string("The final age, e.g. 62y.")),
            ], "One sex's schedule."), "A schedule per sex.")),
        ], "Retirement ages by year and sex; rules see person.retirement_date.")),
    ], "A versioned set of rules from one legal basis.")

    static let rule = Shape.object([
        .init("id", id("rule"), required: true),
        .init("kind", .choice(["threshold", "quorum", "selection", "eligibility", "structure", "ballot-validity"],
                              "threshold: who passes a vote; quorum: attendance needed; selection: ranking within a cap; eligibility: a CEL standard for each candidate; structure: a CEL target for a final list; ballot-validity: a CEL condition for a ballot paper to count.")),
        .init("name", .string("Name of the rule, e.g. Trên 50% tổng số thành viên.")),
        .init("basis", .string("Article or passage the rule comes from.")),
        .init("note", .string("Free note, e.g. what could not be confirmed from a source.")),
        .init("base", .choice(["total-members", "members-present", "valid-ballots"], "What the fraction is taken of.")),
        .init("comparison", .choice(["more-than", "at-least"], "more-than: strictly above the share; at-least: the share or above.")),
        .init("fraction", .string("The share, e.g. 1/2, 2/3 or 50%.")),
        .init("cap", .integer("Selection rules: the most people per title.", minimum: 1)),
        .init("ties", .choice(["run-off", "body-decision", "run-off-or-decision"], "Selection rules: what a tie for the last place needs: a run-off vote, the body's decision, or either.")),
        .init("expression", .string("Eligibility and structure rules: a CEL expression giving true or false. It sees person (or people), cycle, title and params.")),
        .init("parameters", .dictionary(.any("A parameter value."), "Values the expression reads as params.NAME, so figures live in one place.")),
        .init("binding", .boolean("Structure rules: true to stop the procedure when the target is missed; otherwise a warning.")),
        .init("effective", .object([
            .init("from", .string("First day the rule applies, YYYY-MM-DD.")),
            .init("until", .string("Last day the rule applies, YYYY-MM-DD.")),
        ], "When this rule is in force, if not the whole set's period.")),
        .init("examples", .list(.object([
            .init("name", .string("What the example shows.")),
            .init("count", .integer("Threshold and quorum rules: votes (or members present).", minimum: 0)),
            .init("of", .integer("Threshold and quorum rules: the base they are counted against.", minimum: 0)),
            .init("person", .any("Eligibility rules: the person's roster fields.")),
            .init("people", .any("Structure rules: the final list, as a list of people.")),
            .init("ballot", .any("Ballot-validity rules: the paper, as marked: the names on it.")),
            .init("candidates", .any("Ballot-validity rules: the candidates on the list.")),
            .init("cycle", .any("The cycle: year, term_start (YYYY-MM-DD) and term_years.")),
            .init("title", .any("The title: id and name.")),
            .init("passes", .boolean("Whether the rule must pass.")),
        ], "An example the rule must satisfy."), "Worked examples, checked by validate and by the tests.")),
    ], "A rule.")

    static let results = Shape.object([
        .init("present", .integer("Members present at the meeting (default: the number of attendees named).", minimum: 0)),
        .init("summoned", .integer("Members summoned, when not the whole body.", minimum: 0)),
        .init("attendees", .list(.string("A member's full name."), "Who attended, by name.")),
        .init("ballots", .object([
            .init("issued", .integer("Ballot papers handed out.", minimum: 0), required: true),
            .init("returned", .integer("Ballot papers put in the box.", minimum: 0), required: true),
            .init("valid", .integer("Valid papers.", minimum: 0), required: true),
            .init("invalid", .integer("Invalid papers.", minimum: 0), required: true),
        ], "The vote-counting committee's counts, as in the minutes.")),
        .init("votes", .dictionary(.dictionary(.integer("Approvals for this person.", minimum: 0),
                                                "Approvals per person, by full name."),
                                   "Ballot steps: approvals per candidate, under each title id.")),
        .init("agreed", .dictionary(.list(.string("Full name of a person."), "The agreed names, in order."),
                                    "Discussion steps: the list the body agreed, under each title id.")),
        .init("issued", .integer("Ballot papers issued, when the papers are listed one by one under 'papers'.", minimum: 0)),
        .init("papers", .list(.any("One paper: the names marked on it, or a mapping of title id to names."),
                              "Ballot papers entered one by one; they are counted, checked against the validity rules and kept as the step's secrecy allows.")),
        .init("write-ins", .dictionary(.list(.string("Full name or id of a person written in."), "The names written in."),
                                       "Nomination ballots: people written in on the ballots who were not on the list, under each title id. Any other name off the list is refused as a likely typo.")),
        .init("review", .dictionary(.list(.object([
            .init("person", .string("Full name or id of a person already in the plan."), required: true),
            .init("decision", .choice(["keep", "remove"], "keep (giữ quy hoạch) or remove (đưa ra khỏi quy hoạch)."), required: true),
            .init("reason", .string("Why: required to remove, and to keep someone who fails a standard or already holds the title.")),
        ], "The decision on one person."), "The decisions, one per person kept."),
                                    "Review steps: the decision on each person already in the plan, under each title id.")),
        .init("out-of-order", .string("Why the meeting was held before the step of another track that it follows had ended.")),
        .init("chair", .string("Who chaired the meeting (name or id); default the workflow's records.chair.")),
        .init("secretary", .string("Who kept the minutes (name or id).")),
        .init("committee", .list(.object([
            .init("person", .string("Name or id."), required: true),
            .init("role", .string("Role in the committee, e.g. Trưởng ban, Thành viên.")),
        ], "A member of the vote-counting committee."), "The vote-counting committee (tổ kiểm phiếu), as elected by the meeting.")),
        .init("absent", .list(.object([
            .init("person", .string("Name or id of a member."), required: true),
            .init("reason", .string("Why, when given.")),
        ], "A member who did not attend."), "Members absent, with their reasons.")),
        .init("started", .string("When the meeting opened, HH:MM.", pattern: #"^\d{1,2}:\d{2}$"#)),
        .init("ended", .string("When it closed, HH:MM.", pattern: #"^\d{1,2}:\d{2}$"#)),
        .init("note", .string("What the meeting noted, for the record.")),
    ], "The results of one meeting, from its minutes.")

    static let roster = Shape.object([
        .init("people", .list(.object([
            .init("id", .string("The person's id in the HR records."), required: true),
            .init("full_name", .string("Full name, as it appears in the minutes.")),
            .init("birth_date", .string("Birth date, 1978-05-12 or 12/05/1978.")),
            .init("gender", .choice(["nam", "nữ"], "Gender.")),
            .init("ethnicity", .string("Ethnicity, e.g. Kinh.")),
            .init("unit", .string("Unit (phòng, ban, đơn vị).")),
            .init("current_title", .string("Current title.")),
            .init("degree", .string("Highest degree, e.g. Đại học, Thạc sĩ.")),
            .init("political_theory", .string("Political-theory level: Sơ cấp, Trung cấp, Cao cấp, Cử nhân.")),
            .init("ratings", .dictionary(.choice(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], "The year's rating."),
                                         "Yearly ratings by year: 2020: HTTNV.")),
            .init("discipline", .dictionary(.string("The form of discipline."), "Discipline records by year: 2019: Khiển trách.")),
            .init("planned_titles", .list(.string("A title."), "Titles the person is already planned for.")),
        ], "A person."), "The people who may be candidates.")),
    ], "The candidates' roster (hồ sơ cán bộ).")

    static let decision = Shape.dictionary(.object([
        .init("choose", .list(.string("Full name or id of a person."), "The people chosen, in order."), required: true),
        .init("reason", .string("The body's reasons, for the record.")),
    ], "The decision for one title."), "A body's decision at a step, under each title id: who goes on, or how a tie is settled.")

    static let scenario = Shape.object([
        .init("name", .string("What the scenario tests.")),
        .init("workflow", .string("Id of the workflow it runs.", pattern: identifier), required: true),
        .init("roster", .string("A roster file (CSV or YAML), relative to this file.")),
        .init("steps", .list(.object([
            .init("step", .string("The step id.", pattern: identifier), required: true),
            .init("results", results, required: true),
            .init("second-entry", results),
            .init("run-off", results),
            .init("decision", decision),
        ], "One step's hypothetical results."), "The steps, in the order they run.")),
        .init("expect", .object([
            .init("added", .dictionary(.list(.string("A full name."), "The people added, in order."),
                                       "Per title id, the people the final list must add, in order.")),
            .init("stops-at", .string("The step at which the run must be refused, for a scenario that tests a refusal.", pattern: identifier)),
            .init("because", .string("Words the refusal must contain, so the run stops for the reason the scenario tests.")),
        ], "What must come of the run.")),
    ], "A what-if run of a whole cycle, checked like a test.")

    static let rosterFormat = Shape.object([
        .init("id", id("roster format"), required: true),
        .init("name", .string("Name of the format.")),
        .init("basis", .string("Where the headers and spellings come from.")),
        .init("note", .string("Free note.")),
        .init("columns", .dictionary(.list(.string("A column header as offices write it, e.g. Họ và tên."), "The headers that mean this field."),
                                     "For each field of the roster (full_name, birth_date, degree, …), the column headers that mean it besides its own name.")),
        .init("values", .dictionary(.dictionary(.list(.string("A spelling found in offices' files, e.g. Thạc sỹ."), "The spellings that mean this value."),
                                                "For each value the rules use (e.g. Thạc sĩ), the spellings that mean it."),
                                    "For degree, political_theory and ratings: the values the rules use and the spellings that mean them. A value not listed is kept as written, with a warning.")),
    ], "How offices' spreadsheets name the roster's columns and write its values.")

    static let calendar = Shape.object([
        .init("id", id("calendar"), required: true),
        .init("name", .string("Name of the calendar.")),
        .init("basis", .string("Where the days and hours come from.")),
        .init("note", .string("Free note.")),
        .init("working-days", .list(.choice(["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"], "A weekday."),
                                    "The days offices work; other days are days off.")),
        .init("working-hours", .list(.object([
            .init("from", .string("Start, HH:MM.", pattern: #"^\d{1,2}:\d{2}$"#)),
            .init("to", .string("End, HH:MM.", pattern: #"^\d{1,2}:\d{2}$"#)),
        ], "A working period."), "The working periods of a day.")),
        .init("holidays", .list(.object([
            .init("from", .string("First day, YYYY-MM-DD.")),
            .init("to", .string("Last day, YYYY-MM-DD; leave out for one day.")),
            .init("name", .string("The holiday.")),
        ], "A holiday."), "Public holidays, year by year as announced (Tết moves every year).")),
    ], "Working days, hours and public holidays, for checking meeting times.")
}
