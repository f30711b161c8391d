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

export const policy: Policy = {
  Query: { organisaties: everyone, organisatie: everyone },
  Organisatie: {
    ...fields(['id', 'naam', 'soort'], everyone),
    subsidies: subsidieLezers,
  },
  Subsidie: fields(['id', 'jaar', 'bedrag', 'doel', 'wijk'], subsidieLezers),
  Bedrag: fields(['valuta', 'centen', 'euro'], everyone),
  Wijk: { code: everyone, subsidieTotaal: wijkBudgetLezers },
};
