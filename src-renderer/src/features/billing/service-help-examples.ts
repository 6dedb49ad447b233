/**
 * Expressions the service help shows at work: the spec's examples in CEL, with the kind of
 * object and the field each is written for (the tests check each against them). The code is
 * not translated; what it does is, under `billing.serviceHelp.expressions.<key>`.
 */
export const HELP_EXAMPLES = [
  { key: 'notMain', model: 'systemuser', field: 'match', code: '!systemuser.is_main' },
  { key: 'mysql', model: 'databaseuser', field: 'match', code: "databaseuser.type == 'MYSQL'" },
  {
    key: 'planFee',
    model: 'contractedplan',
    field: 'match',
    code: "contractedplan.plan.name == 'association_fee'",
  },
  {
    key: 'diskAbove',
    model: 'mailbox',
    field: 'metric',
    code: 'max(orZero(mailbox.resources.disk.?allocated) - 1, 0)',
  },
  { key: 'logsteps', model: 'account', field: 'match', code: 'logsteps(1234) == 1000' },
  {
    key: 'fraction',
    model: 'miscellaneous',
    field: 'metric',
    code: 'decimal("1.5") * miscellaneous.amount',
  },
  {
    key: 'description',
    model: 'mailbox',
    field: 'orderDescription',
    code: 'service.description + " for " + mailbox.name',
  },
] as const
