export {
  createPlainLanguageSummarizer,
  type NotificationMoment,
  type SummaryFacts,
  type SummaryLlm,
  summarizeFromTemplate,
} from './plain-language.js';
