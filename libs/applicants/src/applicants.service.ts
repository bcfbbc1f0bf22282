import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActorType } from '@idv/audit';
import type { ApplicantEntity, Tx } from '@idv/persistence';
import { APP_CONFIG, Clock, type AppConfig } from '@idv/platform';
import { ApplicantRepository } from './applicant.repository';
import { ApplicantError, applicantNotFound, type Applicant, type RestrictionReason } from './applicant.types';
import type { RecordCorrectionDto, RegistrationRecordDto } from './registration-record.dto';
import { fieldError } from './field-hints';
import { ID_NUMBER_FACTS, idNumberProblem } from './id-number.rules';
import { activeRestriction } from './restriction';

/** Who acts: the audit trail records it for every change. */
export interface Actor {
  type: AuditActorType;
  id: string;
  tenantId: string;
}

const RECORD_FIELDS = [
  'surname',
  'givenNames',
  'dateOfBirth',
  'nationality',
  'sex',
  'documentNumber',
  'fullName',
  'documentType',
  'phone',
  'email',
] as const;

/** Registration records: create, read, correct (counted and audited), restrict and lift. */
@Injectable()
export class Applicants {
  constructor(
    private readonly repo: ApplicantRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: RegistrationRecordDto): Promise<Applicant> {
    return this.repo.transaction(async (tx) => {
      const row = await this.repo.insert(tx, {
        tenantId: actor.tenantId,
        externalId: dto.externalId,
        ...pick(dto),
      });
      if (!row) {
        const existing = await this.repo.findByExternalId(actor.tenantId, dto.externalId);
        throw new ApplicantError(
          'conflict',
          'applicant_exists',
          'An applicant with this externalId already exists in your tenant.',
          undefined,
          { id: existing?.id },
        );
      }
      await this.record(tx, actor, 'applicant.created', row.id);
      return this.view(row);
    });
  }

  async get(tenantId: string, id: string): Promise<Applicant> {
    return this.view(await this.load(tenantId, id));
  }

  /** The raw row, for other features of the same tenant (the verification pipeline reads the record). */
  async load(tenantId: string, id: string, tx?: Tx, lock = false): Promise<ApplicantEntity> {
    const row = await this.repo.find(tenantId, id, tx, lock);
    if (!row) throw applicantNotFound(id);
    return row;
  }

  /**
   * A correction of the record. Changed fields are counted; reaching the limit within the window restricts the
   * applicant (people who keep editing their record until it matches a document are a known fraud pattern).
   */
  async correct(actor: Actor, id: string, patch: RecordCorrectionDto): Promise<Applicant> {
    return this.repo.transaction(async (tx) => {
      const row = await this.load(actor.tenantId, id, tx, true);
      const now = this.clock.now();
      assertNotErased(row);
      const restriction = activeRestriction(row, now);
      if (restriction) {
        throw new ApplicantError(
          'conflict',
          'applicant_restricted',
          'The applicant is restricted; corrections are not accepted now.',
          undefined,
          {
            restrictedUntil: restriction.until?.toISOString() ?? null,
          },
        );
      }
      const changed = RECORD_FIELDS.filter(
        (f) => patch[f] !== undefined && patch[f] !== (row[f] ?? undefined),
      );
      if (changed.length === 0) return this.view(row);
      assertIdNumberConsistent(row, patch, changed);
      assertStillNamed(row, patch);
      Object.assign(row, pick(patch));
      row.corrections += 1;
      await this.repo.addCorrection(tx, row.id, [...changed]);
      await this.record(tx, actor, 'applicant.corrected', row.id, {
        fields: [...changed],
        corrections: row.corrections,
      });
      const since = new Date(now.getTime() - this.config.limits.windowMinutes * 60_000);
      if ((await this.repo.correctionsSince(tx, row.id, since)) >= this.config.limits.maxCorrections) {
        this.applyRestriction(row, 'TOO_MANY_CORRECTIONS', now);
        await this.record(
          tx,
          { ...actor, type: 'system', id: 'restriction-policy' },
          'applicant.restricted',
          row.id,
          {
            until: row.restrictedUntil!.toISOString(),
          },
          ['TOO_MANY_CORRECTIONS'],
        );
      }
      return this.view(await this.repo.save(tx, row));
    });
  }

  /** Restricts inside the caller's transaction (the verification pipeline does this after repeated failures). */
  async restrict(
    tx: Tx,
    actor: Actor,
    row: ApplicantEntity,
    reason: RestrictionReason,
    until?: Date,
  ): Promise<ApplicantEntity> {
    this.applyRestriction(row, reason, this.clock.now(), until);
    await this.record(
      tx,
      actor,
      'applicant.restricted',
      row.id,
      { until: row.restrictedUntil?.toISOString() ?? null },
      [reason],
    );
    return this.repo.save(tx, row);
  }

  /** An operator flag (until a time, or indefinitely), from an admin. */
  async flag(actor: Actor, id: string, until: Date | null, note?: string): Promise<Applicant> {
    return this.repo.transaction(async (tx) => {
      const row = await this.load(actor.tenantId, id, tx, true);
      assertNotErased(row);
      row.status = 'restricted';
      row.restrictedUntil = until;
      row.restrictionReason = 'OPERATOR_FLAG';
      await this.record(
        tx,
        actor,
        'applicant.restricted',
        row.id,
        { until: until?.toISOString() ?? null, noted: Boolean(note) },
        ['OPERATOR_FLAG'],
      );
      return this.view(await this.repo.save(tx, row));
    });
  }

  /** Lifts a restriction (admin); audited. */
  async lift(actor: Actor, id: string): Promise<Applicant> {
    return this.repo.transaction(async (tx) => {
      const row = await this.load(actor.tenantId, id, tx, true);
      if (row.status !== 'restricted') return this.view(row);
      const reason = row.restrictionReason;
      row.status = 'active';
      row.restrictedUntil = null;
      row.restrictionReason = null;
      await this.record(tx, actor, 'applicant.restriction_lifted', row.id, {}, reason ? [reason] : []);
      return this.view(await this.repo.save(tx, row));
    });
  }

  /**
   * Erases the record inside the caller's transaction (the caller has locked the row and redacted what was derived
   * from it): every personal field and the wallet's externalId become NULL/a placeholder, the status `erased`.
   * The id, the timestamps and the correction count stay, so verdicts and the audit trail keep their subject.
   * Audited as `applicant.erased` with `counts` (numbers only). Erasing an erased applicant changes nothing.
   */
  async erase(
    tx: Tx,
    actor: Actor,
    row: ApplicantEntity,
    counts: Record<string, number>,
  ): Promise<Applicant> {
    if (row.status === 'erased') return this.view(row);
    for (const f of RECORD_FIELDS) row[f] = null;
    // The wallet's own user id may itself identify the person; a placeholder keeps the tenant's unique key and
    // lets the person register again.
    row.externalId = `erased:${row.id}`;
    row.status = 'erased';
    row.restrictedUntil = null;
    row.restrictionReason = null;
    row.erasedAt = this.clock.now();
    await this.record(tx, actor, 'applicant.erased', row.id, counts);
    return this.view(await this.repo.save(tx, row));
  }

  restrictionOf(row: ApplicantEntity) {
    return activeRestriction(row, this.clock.now());
  }

  private applyRestriction(row: ApplicantEntity, reason: RestrictionReason, now: Date, until?: Date): void {
    row.status = 'restricted';
    row.restrictionReason = reason;
    row.restrictedUntil = until ?? new Date(now.getTime() + this.config.limits.restrictionMinutes * 60_000);
  }

  private record(
    tx: Tx,
    actor: Actor,
    action: Parameters<AuditTrail['record']>[0]['action'],
    id: string,
    data: Record<string, unknown> = {},
    reasonCodes: string[] = [],
  ) {
    return this.audit.record(
      {
        tenant: actor.tenantId,
        actor: { type: actor.type, id: actor.id },
        action,
        subject: { type: 'applicant', id },
        data,
        reasonCodes,
      },
      tx,
    );
  }

  /** The API view; the restriction shown is the one in force now. */
  view(row: ApplicantEntity): Applicant {
    const r = activeRestriction(row, this.clock.now());
    return {
      id: row.id,
      externalId: row.externalId,
      surname: row.surname ?? undefined,
      givenNames: row.givenNames ?? undefined,
      dateOfBirth: row.dateOfBirth ?? undefined,
      nationality: row.nationality ?? undefined,
      sex: row.sex ?? undefined,
      documentNumber: row.documentNumber ?? undefined,
      fullName: row.fullName ?? undefined,
      documentType: row.documentType ?? undefined,
      phone: row.phone,
      email: row.email,
      status: row.status === 'erased' ? 'erased' : r ? 'restricted' : 'active',
      restrictedUntil: r?.until?.toISOString() ?? null,
      reason: r?.reason ?? null,
      corrections: row.corrections,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      ...(row.erasedAt ? { erasedAt: row.erasedAt.toISOString() } : {}),
    };
  }
}

/**
 * The registration rule of the identity number, on the record as the correction would leave it: a patch cannot
 * make the number and the date of birth or sex disagree, whichever side it changes.
 */
function assertIdNumberConsistent(
  row: ApplicantEntity,
  patch: RecordCorrectionDto,
  changed: readonly string[],
): void {
  if (!ID_NUMBER_FACTS.some((f) => changed.includes(f))) return;
  // `null` clears a field (an optional one: the DTO refuses null for required ones), so it is not the stored value.
  const merged = Object.fromEntries(
    ID_NUMBER_FACTS.map((f) => [f, patch[f] !== undefined ? patch[f] : row[f]]),
  );
  const code = idNumberProblem(merged);
  if (!code) return;
  throw new ApplicantError(
    'invalid',
    'validation_failed',
    'The request has 1 invalid field: documentNumber.',
    [fieldError('documentNumber', code)],
  );
}

/**
 * A record registered with `fullName` alone (王小明) has no surname: clearing its `fullName` would leave a record
 * with no name to compare, so that is refused like nulling a required field.
 */
function assertStillNamed(row: ApplicantEntity, patch: RecordCorrectionDto): void {
  if (patch.fullName !== null || (patch.surname !== undefined ? patch.surname : row.surname)) return;
  throw new ApplicantError('invalid', 'validation_failed', 'The request has 1 invalid field: fullName.', [
    fieldError('fullName', 'required'),
  ]);
}

/** An erased applicant is a shell: it can be read, never changed again. */
function assertNotErased(row: ApplicantEntity): void {
  if (row.status === 'erased')
    throw new ApplicantError('conflict', 'applicant_erased', 'This applicant was erased.');
}

function pick(dto: Partial<RegistrationRecordDto>): Partial<ApplicantEntity> {
  const out: Record<string, unknown> = {};
  for (const f of RECORD_FIELDS) if (dto[f] !== undefined) out[f] = dto[f];
  return out as Partial<ApplicantEntity>;
}
