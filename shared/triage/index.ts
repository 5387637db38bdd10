export { RuleClassifier, classifyText, RULES_ENGINE } from './local/rule-classifier.js';
export { TemplateDrafter, TEMPLATE_ENGINE } from './local/template-drafter.js';
