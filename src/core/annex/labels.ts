/**
 * The labels recognition looks for, as data. Each pattern runs on a normalized label
 * (normalizeLabel: half-width, no whitespace, no list prefix, no trailing colon), so
 * "2023 年实际在职人数", "其中:公车购置" and "年度预\n算申请" all match their plain forms.
 * Variants come from published reports of several cities and years (../shared/spec/annexes.md).
 */
export const ANNEX2_LABELS = {
  title: /整体支出绩效评价基础数据表|基础数据表/,
  staffBlock: /^财政供养人员/,
  establishment: /^(?:核定)?编制(?:数|人数)/,
  actualStaff: /(?:实际)?在职人数/,
  staffControlRate: /^(?:人员)?控制率/,
  fundsBlock: /^经费控制情况/,
  finalColumn: /^(?:(\d{4})年?度?)?决算数?(?:\(.*\))?$/,
  budgetColumn: /^(?:(\d{4})年?度?)?预算数?(?:\(.*\))?$/,
  threePublic: /^三公经费/,
  project: /^项目支出/,
  publicFunds: /^公用经费/,
  publicFundsPart: /办公经费|办公费|水费|电费|差旅费|会议费|培训费/,
  procurement: /^政府采购/,
  budgetAdjustment: /预算调整/,
  abroad: /出国|出境/,
  reception: /公务接待/,
  buildingsBlock: /^楼堂馆所/,
  approvedScale: /^批复规模/,
  actualScale: /^实际规/,
  scaleRate: /^规模控制率/,
  budgetInvestment: /^(?:预算|概算)投资/,
  actualInvestment: /^实际投资/,
  investmentRate: /^投资(?:概算)?控制率|^概算控制率/,
  blockEnd: /^(?:厉行节约|说明|填表人|填报日期|单位负责人)/,
  ellipsis: /^[.…。·、-]+$/,
} as const;

export const ANNEX3_LABELS = {
  title: /整体支出绩效自评表|整体支出绩效自评|绩效自评表/,
  unitName: /(?:部门|单位).*名称/,
  initialBudget: /^年初预算(?:数)?/,
  budget: /^(?:全年预算(?:数)?|调整后预算(?:数)?|预算数)(?:\(.*\))?$/,
  executed: /^(?:全年执行(?:数)?|预算执行(?:数)?|执行数|全年支出(?:数)?)(?:\(.*\))?$/,
  weight: /^(?:分值|权重)(?:\(.*\))?$/,
  rate: /^(?:预算)?执行率(?:\(.*\))?$/,
  score: /^(?:自评)?得分(?:\(.*\))?$/,
  fundsTotal: /^(?:年度)?资金总额/,
  incomeTotal: /按收入性质分/,
  incomeParts: [/一般公共预算/, /政府性基金/, /纳入专户管理的非税收入|非税收入/, /^其他资金|其他资金/],
  expenseTotal: /按支出性质分/,
  basic: /基本支出/,
  project: /项目支出/,
  overallGoal: /^年度总体目标/,
  level1: /^一级指标$/,
  level2: /^二级指标$/,
  level3: /^三级指标$/,
  target: /^(?:(?:年度)?指标值|年度目标值|预期指标值)(?:\(.*\))?$/,
  actual: /^(?:(?:实际)?完成值|实际完成(?:值|情况)|全年实际(?:完成)?值)(?:\(.*\))?$/,
  reason: /偏差原因|原因分析|改进措施/,
  nature: /^指标性质$|^指标方向$/,
  unit: /^(?:度量|计量)?单位$/,
  total: /^(?:总分|合计|总计|综合得分)$/,
} as const;

/** Keywords of breakdown labels that carry a number inside their text. */
export const BREAKDOWN_KEYWORDS = {
  incomeTotal: /按收入性质分/,
  general: /一般公共预算(?:拨款|财政拨款)?/,
  fund: /政府性基金(?:预算)?(?:拨款)?/,
  specialAccount: /纳入专户管理的非税收入(?:拨款)?/,
  other: /其他资金/,
  expenseTotal: /按支出性质分/,
  basic: /基本支出/,
  project: /项目支出/,
} as const;
