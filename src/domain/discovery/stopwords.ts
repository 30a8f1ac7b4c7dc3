/**
 * Stop words for English and French feedback, in the form the tokenizer compares them:
 * lower case, accents stripped ("très" → "tres"). Besides grammar words, each list holds the
 * filler that customer feedback is full of ("I would love to be able to…", "ce serait bien
 * de pouvoir…"), which otherwise makes unrelated requests look alike.
 *
 * Negations are NOT stop words: the tokenizer keeps one token "not" for a text holding any,
 * so "export works" and "export doesn't work" stay apart without "ne … pas" counting twice.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** ~150 English grammar words and feedback filler. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  words(`
  a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each even ever every few for from further
  get gets getting got had has have having he her here hers him his how however i if in into is it its
  itself just let lets me more most much my myself now of off on once only or other others our ours out
  over own per same she should so some such than that the their theirs them then there these they this
  those through to too under until up upon us very via was we were what when where which while who whom
  why will with would you your yours yourself yourselves ll ve re etc eg ie
  please pls thanks thank thx hi hello hey dear regards cheers love like able want wanted wants wish
  need needs needed really currently maybe perhaps possible possibility somehow something anything
  thing things lot lots way ways kind sort great nice good idea ideas feature features suggestion
  request requested customer customers client user users feedback feedbacks insight insights
  http https www com
`),
);

/** ~150 French grammar words and feedback filler (accents stripped). */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  words(`
  a ai aie as au aux avait avais avec avoir avons avez c ca car ce ceci cela celle celles celui ces cet
  cette ceux chaque chez comme comment d dans de des deja depuis donc dont du elle elles en encore entre
  es est et etaient etait ete etre eu eux fait faire fais faites il ils j je l la le les leur leurs lui
  m ma mais me meme mes moi mon n ne nos notre nous on ont ou par parce pendant peu plus pour pourquoi
  qu quand que quel quelle quelles quels qui quoi s sa sans se ses si son sont sous suis sur t ta te
  tes toi ton tous tout toute toutes tres trop tu un une vos votre vous vers voici voila y apres avant
  aussi alors ainsi autre autres ici lorsque puis soit sommes etes serait seraient sera
  bonjour bonsoir merci svp stp cordialement salut voudrais voudrait voudrions voulons veux veut
  aimerais aimerait aimerions souhaite souhaitons souhaiterais souhaiterait pourrait pourrais pourriez
  pouvoir peut peux pouvons besoin faut faudrait falloir possible possibilite vraiment juste genre
  actuellement chose choses truc bien super idee idees fonctionnalite fonctionnalites demande client clients
  utilisateur utilisateurs retour retours sans aucun aucune rien
`),
);

/** Words turned into the single token "not" in both languages (after accent stripping). */
export const NEGATIONS: ReadonlySet<string> = new Set(
  words(`
  not no never nor cannot cant don doesn didn isn wasn aren weren won wouldn couldn shouldn haven hasn
  pas jamais
`),
);
