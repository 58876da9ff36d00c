// Forest plots and their changes: lookups, lists, and the writes of the department's editors.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  communeOnRecordOf,
  type Connection,
  createRecord,
  deleteVersioned,
  field,
  findConnection,
  inputRules,
  locatedWhere,
  type PageArgs,
  searchKey,
  updateVersioned,
} from '@hub/kit';
import { badUserInput, msg } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { ForestChange, ForestPlot } from '../entities';
import type {
  ForestChangeCause,
  ForestChangeFilter,
  ForestChangeInput,
  ForestChangeUpdate,
  ForestChangeKind,
  ForestHolderKind,
  ForestOrigin,
  ForestPlotCreate,
  ForestPlotFilter,
  ForestPlotUpdate,
  ForestPurpose,
} from '../__generated__/resolvers-types';
import { agencyCode, area } from './rules';

export const PLOT_CODE = /^TK\d{1,4}-K\d{1,3}-L\d{1,3}$/;
const ForestPlotCreateRules = inputRules<ForestPlotCreate>()({
  code: field.code(PLOT_CODE, 'TK123-K4-L7'),
  purpose: field.asSent<ForestPurpose>(),
  origin: field.asSent<ForestOrigin>(),
  mainSpecies: field.text(120),
  areaHa: area(),
  communeCode: field.communeCode(),
  holderKind: field.asSent<ForestHolderKind>(),
  holderOrganisation: field.textOrNull(300).optional(),
  holderPerson: field.textOrNull(300).optional(),
  managedByCode: agencyCode().nullish(),
});

const ForestPlotUpdateRules = inputRules<ForestPlotUpdate>()({
  purpose: field.asSent<ForestPurpose>().nullish(),
  origin: field.asSent<ForestOrigin>().nullish(),
  mainSpecies: field.text(120).optional(),
  areaHa: area().optional(),
  holderKind: field.asSent<ForestHolderKind>().nullish(),
  holderOrganisation: field.textOrNull(300).optional(),
  holderPerson: field.textOrNull(300).optional(),
  managedByCode: field.textOrNull(20).optional(),
});

const ForestChangeRules = inputRules<ForestChangeInput>()({
  code: field.code(/^BD-\d{4}-\d{4}$/, 'BD-2025-0101'),
  plotCode: field.code(PLOT_CODE, 'TK123-K4-L7'),
  kind: field.asSent<ForestChangeKind>(),
  cause: field.asSent<ForestChangeCause>(),
  areaHa: area(),
  detectedOn: field.date(),
  decidedOn: field.date().nullish(),
  decisionNumber: field.textOrNull(60).optional(),
  issuerCode: agencyCode().nullish(),
  energyProjectCode: field.code(/^NL-\d{4}$/, 'NL-0001').nullish(),
  communeCodeOnRecord: field.code(/^\d{5}$/, '01438').nullish(),
});

const ForestChangeUpdateRules = inputRules<ForestChangeUpdate>()({
  cause: field.asSent<ForestChangeCause>().nullish(),
  areaHa: area().optional(),
  decidedOn: field.date().nullish(),
  decisionNumber: field.textOrNull(60).optional(),
});

/** The holder's name goes with its kind: a person for a household, an organisation otherwise. */
function checkHolder(p: Pick<ForestPlot, 'holderKind' | 'holderOrganisation' | 'holderPerson'>) {
  if (p.holderKind === 'HOUSEHOLD') {
    if (!p.holderPerson)
      throw badUserInput('input.holderPerson', msg('a HOUSEHOLD holder needs the holder’s name', 'chủ rừng HOUSEHOLD cần họ tên chủ hộ'));
    if (p.holderOrganisation)
      throw badUserInput('input.holderOrganisation', msg('must be null for a HOUSEHOLD holder', 'phải là null với chủ rừng HOUSEHOLD'));
  } else {
    if (!p.holderOrganisation)
      throw badUserInput('input.holderOrganisation', msg(`a ${p.holderKind} holder needs its name`, `chủ rừng ${p.holderKind} cần có tên`));
    if (p.holderPerson) throw badUserInput('input.holderPerson', msg('is only for a HOUSEHOLD holder', 'chỉ dùng cho chủ rừng HOUSEHOLD'));
  }
}

const plotSearch = (p: Pick<ForestPlot, 'mainSpecies' | 'holderOrganisation'>) =>
  searchKey(`${p.mainSpecies} ${p.holderOrganisation ?? ''}`);
const plotWhat = (code: string) => msg(`forest plot "${code}"`, `lô rừng "${code}"`);
const changeWhat = (code: string) => msg(`forest change "${code}"`, `biến động rừng "${code}"`);

export class ForestService {
  constructor(private readonly em: EntityManager) {}

  static plotWhere(filter: (ForestPlotFilter & { purpose?: ForestPurpose | null }) | null | undefined): FilterQuery<ForestPlot> {
    const extra: FilterQuery<ForestPlot>[] = [];
    if (filter?.purpose) extra.push({ purpose: filter.purpose });
    if (filter?.origin) extra.push({ origin: filter.origin });
    if (filter?.holderKind) extra.push({ holderKind: filter.holderKind });
    return locatedWhere<ForestPlot>(filter, extra);
  }

  static changeWhere(filter: ForestChangeFilter | null | undefined): FilterQuery<ForestChange> {
    const and: FilterQuery<ForestChange>[] = [];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.cause) and.push({ cause: filter.cause });
    if (filter?.communeCodes) and.push({ communeCode: { $in: [...filter.communeCodes] } });
    return and.length ? { $and: and } : {};
  }

  plotsByCodes(codes: readonly string[]): Promise<ForestPlot[]> {
    return codes.length ? this.em.find(ForestPlot, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  changesByCodes(codes: readonly string[]): Promise<ForestChange[]> {
    return codes.length ? this.em.find(ForestChange, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  changesOfPlots(plotCodes: readonly string[]): Promise<ForestChange[]> {
    return this.em.find(ForestChange, { plotCode: { $in: [...plotCodes] } }, { orderBy: { detectedOn: 'asc', code: 'asc' } });
  }

  conversionsOfProjects(projectCodes: readonly string[]): Promise<ForestChange[]> {
    return this.em.find(
      ForestChange,
      { kind: 'CONVERSION', energyProjectCode: { $in: [...projectCodes] } },
      { orderBy: { detectedOn: 'asc', code: 'asc' } },
    );
  }

  plots(filter: ForestPlotFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<ForestPlot>> {
    return findConnection(this.em, ForestPlot, ForestService.plotWhere(filter), args, 'code', info);
  }

  changes(filter: ForestChangeFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<ForestChange>> {
    return findConnection(this.em, ForestChange, ForestService.changeWhere(filter), args, 'code', info);
  }

  createPlot(caller: CallerClaims, input: ForestPlotCreate): Promise<ForestPlot> {
    return createRecord(
      this.em,
      caller,
      {
        entity: ForestPlot,
        coordinate: 'Mutation.createForestPlot',
        input: { schema: ForestPlotCreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => plotWhat(i.code),
      },
      (i) => {
        const [, sub, comp, plot] = /^TK(\d+)-K(\d+)-L(\d+)$/.exec(i.code)!;
        const values = {
          holderKind: i.holderKind,
          holderOrganisation: i.holderOrganisation ?? null,
          holderPerson: i.holderPerson ?? null,
          mainSpecies: i.mainSpecies,
        };
        checkHolder(values);
        return this.em.create(ForestPlot, {
          code: i.code,
          subCompartment: sub,
          compartment: comp,
          plot,
          purpose: i.purpose,
          origin: i.origin,
          areaHa: i.areaHa,
          communeCode: i.communeCode,
          managedByCode: i.managedByCode ?? null,
          ...values,
          searchText: plotSearch(values),
        });
      },
    );
  }

  updatePlot(caller: CallerClaims, code: string, input: ForestPlotUpdate, expectedVersion: number): Promise<ForestPlot> {
    const write = {
      entity: ForestPlot,
      where: { code },
      what: plotWhat(code),
      expectedVersion,
      coordinate: 'Mutation.updateForestPlot',
      input: { schema: ForestPlotUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (p, c) => {
      if (c.purpose != null) p.purpose = c.purpose;
      if (c.origin != null) p.origin = c.origin;
      if (c.mainSpecies !== undefined) p.mainSpecies = c.mainSpecies;
      if (c.areaHa !== undefined) p.areaHa = c.areaHa;
      if (c.holderKind != null) p.holderKind = c.holderKind;
      if (c.holderOrganisation !== undefined) p.holderOrganisation = c.holderOrganisation;
      if (c.holderPerson !== undefined) p.holderPerson = c.holderPerson;
      if (c.managedByCode !== undefined) p.managedByCode = c.managedByCode;
      checkHolder(p);
      p.searchText = plotSearch(p);
    });
  }

  deletePlot(caller: CallerClaims, code: string, expectedVersion: number): Promise<ForestPlot> {
    return deleteVersioned(this.em, caller, {
      entity: ForestPlot,
      where: { code },
      what: plotWhat(code),
      expectedVersion,
      coordinate: 'Mutation.deleteForestPlot',
    });
  }

  recordChange(caller: CallerClaims, input: ForestChangeInput): Promise<ForestChange> {
    return createRecord(
      this.em,
      caller,
      {
        entity: ForestChange,
        coordinate: 'Mutation.recordForestChange',
        input: { schema: ForestChangeRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => changeWhat(i.code),
      },
      async (i) => {
        const plot = await this.em.findOne(ForestPlot, { code: i.plotCode });
        if (!plot) throw badUserInput('input.plotCode', msg(`no forest plot "${i.plotCode}"`, `không có lô rừng "${i.plotCode}"`));
        if (i.areaHa > plot.areaHa)
          throw badUserInput(
            'input.areaHa',
            msg(`must be at most the plot's area (${plot.areaHa} ha)`, `không được lớn hơn diện tích lô (${plot.areaHa} ha)`),
          );
        if (i.energyProjectCode && i.kind !== 'CONVERSION')
          throw badUserInput('input.energyProjectCode', msg('is only for a CONVERSION', 'chỉ dùng cho biến động CONVERSION'));
        if (i.decidedOn && i.decidedOn > i.detectedOn)
          throw badUserInput('input.decidedOn', msg('must not be after detectedOn', 'không được sau ngày phát hiện'));
        const onRecord = communeOnRecordOf(plot.communeCode, i.detectedOn, i.communeCodeOnRecord)!;
        return this.em.create(ForestChange, {
          code: i.code,
          plotCode: plot.code,
          kind: i.kind,
          cause: i.cause,
          areaHa: i.areaHa,
          detectedOn: i.detectedOn,
          decidedOn: i.decidedOn ?? null,
          decisionNumber: i.decisionNumber ?? null,
          issuerCode: i.issuerCode ?? null,
          energyProjectCode: i.energyProjectCode ?? null,
          communeCode: plot.communeCode,
          communeCodeOnRecord: onRecord,
        });
      },
    );
  }

  /** Corrects a recorded change (official data: a reason is required); the area stays within the plot's. */
  updateChange(caller: CallerClaims, code: string, input: ForestChangeUpdate, expectedVersion: number): Promise<ForestChange> {
    const write = {
      entity: ForestChange,
      where: { code },
      what: changeWhat(code),
      expectedVersion,
      coordinate: 'Mutation.updateForestChange',
      input: { schema: ForestChangeUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, async (r, c) => {
      if (c.cause != null) r.cause = c.cause;
      if (c.areaHa !== undefined) {
        const plot = await this.em.findOne(ForestPlot, { code: r.plotCode });
        if (plot && c.areaHa > plot.areaHa)
          throw badUserInput(
            'input.areaHa',
            msg(`must be at most the plot's area (${plot.areaHa} ha)`, `không được lớn hơn diện tích lô (${plot.areaHa} ha)`),
          );
        r.areaHa = c.areaHa;
      }
      if (c.decidedOn !== undefined) {
        if (c.decidedOn && c.decidedOn > r.detectedOn)
          throw badUserInput('input.decidedOn', msg('must not be after detectedOn', 'không được sau ngày phát hiện'));
        r.decidedOn = c.decidedOn ?? null;
      }
      if (c.decisionNumber !== undefined) r.decisionNumber = c.decisionNumber;
    });
  }

  deleteChange(caller: CallerClaims, code: string, expectedVersion: number): Promise<ForestChange> {
    return deleteVersioned(this.em, caller, {
      entity: ForestChange,
      where: { code },
      what: changeWhat(code),
      expectedVersion,
      coordinate: 'Mutation.deleteForestChange',
    });
  }
}
