import { checkValidityTerm, type CitizenNumber } from '@idv/id-numbers';
import type { IntegrityCheck } from '@idv/verdict';

/** What the integrity checks of a Resident ID card (or residence permit) are made from. */
export interface ResidentIdFacts {
  /** The number as read, parsed; null when no 18-character number was read. */
  number: CitizenNumber | null;
  /** Two independent reads of the number gave the same characters, each confident. */
  numberSettled: boolean;
  /**
   * Printed 出生 (ISO) and 性别, with whether each is sure: a second read of its own row agreed. One read's
   * confidence is not enough to call a card forged: a digit OCR drops from 17 reads as a confident 7.
   */
  printedBirth: { value: string; sure: boolean } | null;
  printedSex: { value: 'M' | 'F'; sure: boolean } | null;
  validity: { from: string; until: string | null; longTerm: boolean; sure: boolean } | null;
  /** The region code is one the administrative division lists know (now or in the past). */
  regionKnown: boolean | null;
}

const check = (c: Omit<IntegrityCheck, 'explainedByOcr' | 'illegible'> & Partial<IntegrityCheck>) =>
  ({ explainedByOcr: false, illegible: null, ...c }) as IntegrityCheck;

/**
 * The checks the card makes of itself, as the Chinese OCR services make them: the number's check character
 * (GB 11643-1999, ISO 7064 MOD 11-2), its birth date and sex against the printed ones, its region, and the
 * validity term the law sets for the holder's age. A failure OCR can explain (a number two reads disagree on,
 * an unsure printed date) is marked so; only a failure on a settled read argues forgery.
 */
export function residentIdChecks(facts: ResidentIdFacts): IntegrityCheck[] {
  const checks: IntegrityCheck[] = [];
  const n = facts.number;
  if (!n) return checks;
  const numberValid = n.checkCharacterValid && n.birthDate !== null;
  checks.push(
    check({
      name: 'idNumber.checkCharacter',
      holds: numberValid,
      covers: ['documentNumber'],
      severity: 'forgery',
      reason: 'ID_NUMBER_INVALID',
      explainedByOcr: !numberValid && !facts.numberSettled,
      illegible: { code: 'FIELD_UNREADABLE', field: 'documentNumber' },
    }),
  );
  if (facts.regionKnown === false)
    checks.push(
      check({
        name: 'idNumber.region',
        holds: false,
        covers: ['documentNumber'],
        severity: 'review',
        reason: 'ID_NUMBER_INVALID',
      }),
    );
  // A number that fails its own check says nothing reliable about the birth date or sex it encodes: they are
  // compared with the printed ones only when it passes. A contradiction argues forgery only when both sides of it are sure: the number settled by its check character
  // and two reads, the printed field by two reads of its own. Otherwise a person looks: a dropped digit reads as
  // another date, and a new photo would not tell the person what is wrong.
  const contradiction = (
    name: string,
    field: 'dateOfBirth' | 'sex',
    holds: boolean,
    printedSure: boolean,
  ) => {
    const sure = facts.numberSettled && printedSure;
    return check({
      name,
      holds,
      covers: holds ? [field, 'documentNumber'] : [field],
      severity: holds || sure ? 'forgery' : 'review',
      reason: holds || sure ? 'ID_NUMBER_INCONSISTENT' : 'LOW_CONFIDENCE',
    });
  };
  if (numberValid && n.birthDate && facts.printedBirth)
    checks.push(
      contradiction(
        'idNumber.birthDate',
        'dateOfBirth',
        n.birthDate === facts.printedBirth.value,
        facts.printedBirth.sure,
      ),
    );
  if (numberValid && facts.printedSex)
    checks.push(
      contradiction('idNumber.sex', 'sex', n.sex === facts.printedSex.value, facts.printedSex.sure),
    );
  const birth = n.birthDate ?? facts.printedBirth?.value ?? null;
  if (facts.validity && birth) {
    const { holds } = checkValidityTerm({
      birthDate: birth,
      validFrom: facts.validity.from,
      expiry: facts.validity.longTerm ? null : facts.validity.until,
      kind: n.kind,
    });
    checks.push(
      check({
        name: 'validity.term',
        holds,
        covers: ['validFrom', 'expiryDate'],
        // An unsure read of the dates is a new photo's matter, not a reviewer's.
        severity: facts.validity.sure ? 'review' : 'forgery',
        reason: 'VALIDITY_INCONSISTENT',
        explainedByOcr: !holds && !facts.validity.sure,
        illegible: { code: 'FIELD_UNREADABLE', field: 'expiryDate' },
      }),
    );
  }
  return checks;
}
