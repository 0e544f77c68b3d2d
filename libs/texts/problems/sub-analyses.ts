/** What a person is told when an action on a sub-analysis is refused before the workflow is asked. */
import { said } from './said';

export const subAnalysisProblems = {
  /** The secretariat acting on a lead's behalf must say why. */
  reasonRequired: said(
    'Sekretariatet skal give en begrundelse, når det handler på projektlederens vegne',
    'The secretariat must give a reason when acting on behalf of the project lead',
  ),
};
