import { everyone, fields, grant, type Policy } from '../shared/policy';

/** Who may read what in financien. Not listed = denied. */
const subsidieLezers = grant('allow', ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad']);
const wijkBudgetLezers = grant('allow', [
  'gemeente-contractmanager',
  'gemeente-beleid',
  'gemeente-consulent',
  'adviesraad',
  'vol-coordinator',
]);

/** Contracts are public information about who delivers what. */
export const policy: Policy = {
  Query: { organisaties: everyone, organisatie: everyone, contracten: everyone },
  Mutation: { contractRegistreren: grant('allow', ['gemeente-contractmanager']) },
  Organisatie: {
    ...fields(['id', 'naam', 'soort', 'contracten'], everyone),
    subsidies: subsidieLezers,
  },
  Contract: fields(['id', 'organisatie', 'perceel', 'rol', 'hoofdaanbieder', 'ingangsdatum', 'einddatum'], everyone),
  Subsidie: fields(['id', 'jaar', 'bedrag', 'doel', 'wijk'], subsidieLezers),
  Bedrag: fields(['valuta', 'centen', 'euro'], everyone),
  Wijk: { code: everyone, subsidieTotaal: wijkBudgetLezers },
};
