/// Every message of the command line that comes from the catalogs (`messages/en.yaml`, `messages/vi.yaml`); the
/// test suite checks that both catalogs have exactly these keys with the same placeholders.
enum MessageKey: String, CaseIterable {
    // Refusals and summaries
    case error, internalError, validateSummary, noInstances, instanceListed, instanceEnded, instanceAt
    // A decision, explained
    case decisionHeading, decisionQuorum, met, notMet, decisionBallots, decisionTitle
    case reviewKept, reviewRemoved, reviewAlreadyHolds, reviewMeetsStandards, nobodyProposed
    case overLimit, overLimitAllowed, structureHeading, structureOverridden, structureWarning
    case nextHeldAgain, nextStep, nextEnd
    case rank, tieRunOff, tieBodyDecision, passes, capFull, fails, agreedByBody, notChosenByBody, ineligible, overrideOf
    case threshold, unitMembers, unitPresent, unitValidBallots, baseTotalMembers, baseMembersPresent, baseValidBallots
    case moreThan, notMoreThan, atLeast, lessThan
    // Screening against the standards
    case screenNoRoster, screenNoRules, screenTitleEveryone, screenTitleCandidates, screenKeptMark, screenEligible, screenByOverride
    case findingMeets, findingDoesNotMeet, findingCannotCheck, findingNotBoolean, findingDoesNotCompile, findingNotInRoster, findingNoRoster
    case findingDetail, findingFailing
    case screenNotEligible, screenProposeRemoval, screenAlreadyHolds, screenOverLimit
    // The demo
    case demoKept, demoInstance, demoScreening, noDateSet, demoBody, formDiscussion, formNominationBallot, formSecretBallot
    case demoCorrected, demoDecisionRecorded, demoRunOffRecorded, demoRecords, demoNoPDF, demoRecorded, demoEntry
    // Importing a roster
    case rosterColumns, rosterValueRead
    // The status of one instance
    case statusDefinition, statusChanged, statusDone, statusHanded, statusHandedTitle, statusKept, statusNotReviewed, statusReviewed
    case statusCurrentStep, statusMeets, statusBody, statusPasses, statusCandidates, statusOpenCandidates, statusRecorded
    case statusRecordedFrom, statusNothingRecorded, statusPresent, statusValidBallots, statusVoteTotals, statusAgreed
    case statusBlocking, statusNothingBlocking, statusReadyToDecide, outcomeDecided, outcomeQuorumNotMet
    // Schedules and deadlines
    case scheduleSummary, scheduleNoCalendar, wrote, deadlinePassed, deadlineToday, deadlineNear, deadlineStepAfter
    // A new project
    case initYearRange, initTaken, initCreated, initNext
    // The history
    case historyStarted, historyRecorded, historyAdvanced, historyMigrated, historyRoster, historyOverride, historyOpened, historyRescheduled
    case historyAtPlace, historyTieDecided, historyListDecided, historyCorrected, historyReopened, historyBallots, historyRunOff, historyEntry
    case historyAttendees, historyAgreed, historyWrittenIn, historyOutOfOrder, historyNote, historyResults
    // The final list
    case finalListHeading, finalListTerm, finalListTitle, competentAuthority, finalListKept, finalListAdded, finalListRemoved, finalListTotal, nobody
    // The summaries of --help
    case helpAdvance, helpCorrect, helpDecide, helpDemo, helpEval, helpHistory, helpInit, helpMigrate, helpNewCycle, helpOverride, helpQuorum
    case helpRecord, helpReopen, helpReport, helpReschedule, helpRoster, helpSchedule, helpSchema, helpScreen, helpShow, helpSimulate, helpStart
    case helpStatus, helpValidate, helpVerify
    // Refusals, what they still need, the history's checks, changed values, and what to run next
    case didYouMean, refusalUnknownInstance, refusalUnknownInstanceIn, refusalNoInstanceYet, refusalKnownInstances
    case refusalAbstract, refusalFinished, refusalStepNotOpen, refusalUnknownStep, refusalDefinitionChanged
    case refusalDefinitionUnchanged, refusalInvalidRecord, refusalNothingRecorded, refusalMissingPresent
    case refusalMissingValidBallots, refusalQuorumNotMet, refusalTies, refusalTie, tieLastPlace, tieLastPlaces
    case refusalTiesSettled, tieByRunOff, tieByBody, tieByEither, refusalOverCap, refusalConcurrent, refusalDuplicate
    case refusalRosterMissing, refusalStructure, refusalEntriesDisagree, refusalUnknownRule, refusalRules
    case refusalKeptNeedsReason, refusalAlreadyHolds, refusalBelowReference, refusalOverLimit, refusalOverLimitPerson
    case refusalUnknownPerson, refusalAmbiguousPerson, refusalNoTie, refusalRunOffRequired, refusalNotAmongTied
    case refusalNotACandidate, refusalOutOfOrder, refusalRunning, refusalNothingToCorrect, refusalNotYetHeld, refusalMovedBefore
    case refusalEmptyReason, refusalTampered, refusalFrozenEnded, refusalFrozen, needPresent, needValidBallots, needVotes
    case needAgreed, needEntry, needListDecision, needReview, chainAltered, chainBroken, chainMissing, chainDefinitionAltered
    case chainDefinitionMissing, chainUnprotected, chainUnexpectedHead, chainBadSignature, chainUnsignedHead, chainUntrustedSigner, changeLine, changePresent, changeIssued, changeReturned
    case changeValid, changeInvalid, changeVotes, changeAgreed, changeReview, entryNumber, changeWas, changeNow, remedyStart
    case remedyCorrectEnded, remedyMigrate, remedyRecord, remedyRecordEntry, remedyDecideList, remedyReview, remedyRunOff
    case remedyBodyDecision, remedyEither, remedyThenAdvance, remedyStatus, remedyRoster, remedyStructure, remedyCorrectEntry
    case remedyKept, remedyOverLimit, remedyOutOfOrder, remedyRunning, remedyRecordResults, remedyMoveAfter, remedyMove
    // What-if scenarios
    case scenarioNone, scenarioOtherWorkflow, scenarioHeading, scenarioNote, scenarioAsExpected, scenarioSummary, scenarioClosedStep
    case scenarioCycleEnded, scenarioStoppedElsewhere, scenarioNotBecause, scenarioWentOn, scenarioRefused, scenarioNotEnded
    case scenarioAddedOtherwise, verifyFailed, storeUnreadableRow, storeReadOnly, storeBadAddress, storeUnreachable, storeRefused
    case helpServe, serveListening, serveNoUsers, serveSignIn, serveThrottled, serveForbidden, serveFormats, serveStaleForm, serveActionView, serveActionStart,
         serveActionRecord, serveActionSecondEntry, serveActionCorrect, serveActionRoster, serveActionDecide, serveActionAdvance
    case helpUser, helpUserAdd, helpUserDisable, helpUserList, userAdded, userDisabled, userLine, userLineDisabled, userNone
    case noPassword, passwordPrompt, passwordAgain, passwordMismatch, accessUnknownUser, accessUserExists, accessBadUserID
    case accessWeakPassword, accessNoRole, accessUnknownUnit, accessWrongPassword, accessDisabled, accessDamagedUser, accessUnreadableFile
    case refusalUntrustedKey, refusalUnsignedWrite, badSigningKey, keyNotWritten, keyShown, helpKey, helpKeyShow, signedBy, signedByUnknown, notSigned
    case storeCopyConflict, storeCopied, storeCopiedInstance, storeCopyAlreadyThere, storeCopyNothing, helpStore, helpStoreCopy
    // Commands: what they did, and what they refuse before the engine is asked
    case warning, anchorNotWritten, pdfNoChromium, pdfFailed, pdfNoFont, reportNeedsOutput, reportNeedsStep, resultsRunOff
    case resultsEntry, results, nothingToRecord, badBallots, issuedNeedsPapers, badCount, recorded, fromFile, nextAdvance
    case corrected, correctedBack, decideNeeds, decisionRecorded, reopened, reopenNext, rosterImported, rosterNext
    case overrideNeedsReason, overrideRecorded, started, startedPinned, startedFirstStep, migrated, notADateTime, rescheduled
    case theStep, rescheduleOvertaken, verified, verifiedHolds, sameUser, sameKey, verifyActorsNote, noSamples, noSampleForStep, noStore, badActor
    case workflowBlocked, workflowInvalid, noWorkflow, runnableWorkflows, noFinishedRun, outputExists, wroteFrom
    case newCycleValidation, varSyntax, evaluationFailed, initInvalid, initDamaged, initNoRules
}
