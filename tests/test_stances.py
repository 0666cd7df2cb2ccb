"""Stance cues, table-driven on invented sentences: who is for, against, or for on a
condition, and the sentences that must give no position at all."""

from __future__ import annotations

import pytest

from generator.extract import Context, extract_article
from generator.extract.topics import TopicMatcher
from generator.model import Article
from generator.topicspec import Proposal, TopicSpec

SPECS = (
    TopicSpec(
        "freezes",
        "Freezes",
        "",
        ("freeze", "moratorium"),
        proposal=Proposal("a freeze", ("freeze", "moratorium")),
    ),
    TopicSpec(
        "exercises",
        "Exercises",
        "",
        ("exercise",),
        proposal=Proposal(
            "ending the exercises", ("military exercise", "exercise"), ("end", "stop", "pause")
        ),
    ),
    TopicSpec(
        "sanctions",
        "Sanctions",
        "",
        ("sanction",),
        proposal=Proposal("sanctions relief", ("sanction",), ("lift", "ease", "relief")),
    ),
    TopicSpec(
        "brexit",
        "Brexit deal",
        "The withdrawal agreement the prime minister negotiated with the European Union.",
        ("Brexit", "withdrawal agreement"),
        proposal=Proposal("the Brexit deal", ("deal", "withdrawal agreement")),
    ),
    TopicSpec(
        "wages",
        "Minimum wage",
        "",
        ("minimum wage",),
        proposal=Proposal(
            "raising the minimum wage", ("minimum wage",), ("raise", "increase", "hike", "lift")
        ),
    ),
)


@pytest.fixture(scope="module")
def stances_of(nlp):
    ctx = Context(topics=TopicMatcher(nlp, SPECS))

    def run(*paragraphs: str) -> set[tuple]:
        art = Article("a", "a.txt", "A", tuple(paragraphs), date="2020-05-01")
        facts = extract_article(art, list(nlp.pipe(paragraphs)), ctx)
        names = {e.key: e.name for e in facts.entities}
        return {
            (s.topic, names.get(s.owner, s.owner), s.stance, s.condition) for s in facts.stances
        }

    return run


CASES = [
    # A verb and its object.
    (
        ["Senator Jane Roe proposed a freeze on missile tests."],
        {("freezes", "Jane Roe", "for", None)},
    ),
    (
        ["Foreign Minister Pablo Ortiz rejected the idea of a freeze."],
        {("freezes", "Pablo Ortiz", "against", None)},
    ),
    # The stance is its owner's, not the reporter's.
    (
        ["Mr. Ortiz said Senator Lena Diaz rejected any moratorium."],
        {("freezes", "Lena Diaz", "against", None)},
    ),
    # Negation turns for into against, against into undecided.
    (
        ["Senator Lena Diaz is not interested in a freeze."],
        {("freezes", "Lena Diaz", "against", None)},
    ),
    (
        ["Senator Lena Diaz did not reject a freeze."],
        {("freezes", "Lena Diaz", "undecided", None)},
    ),
    # A condition, in the text's own words; what is asked in return is not the object.
    (
        [
            "Ambassador Omar Haddad said his country was willing to consider a moratorium "
            "if Canada stopped its military exercises."
        ],
        {
            (
                "freezes",
                "Omar Haddad",
                "conditional",
                "if Canada stopped its military exercises",
            )
        },
    ),
    (
        [
            "Minister Kenji Sato suggested that a pause in military exercises should be "
            "contingent upon progress in the talks."
        ],
        {("exercises", "Kenji Sato", "conditional", "contingent upon progress in the talks")},
    ),
    (
        ["Mr. Sato said that sanctions relief would come only after disarmament."],
        {("sanctions", "Sato", "conditional", "only after disarmament")},
    ),
    # A passive or a participle: its agent.
    (
        ["The idea of a freeze was floated by Beijing last year."],
        {("freezes", "China", "for", None)},
    ),
    # A judgment, and whose it is; a demonym names a country the article knows.
    (
        ["Canada has watched the talks.", "To Canadian officials, a freeze is a trap."],
        {("freezes", "Canada", "against", None)},
    ),
    # "The idea" is the proposal named just before; "he" the person last named.
    (
        [
            "Mr. Haddad has long wanted a freeze on tests.",
            "On Tuesday, President Ines Moreau spoke to reporters. She embraced the idea.",
        ],
        {("freezes", "Haddad", "for", None), ("freezes", "Ines Moreau", "for", None)},
    ),
    # A proposal's own action with a modal.
    (
        ["President Ines Moreau announced that she would end the military exercises."],
        {("exercises", "Ines Moreau", "for", None)},
    ),
    # Being for undoing it is being against it.
    (
        ["Governor Ana Lind called for the suspension of the moratorium."],
        {("freezes", "Ana Lind", "against", None)},
    ),
    # What another should do is the stance of whoever says so.
    (
        ["Minister Kenji Sato said the United States should end its military exercises."],
        {("exercises", "Kenji Sato", "for", None)},
    ),
    # A group: the organisation its members speak for.
    (
        ["White House officials say they are not interested in a moratorium."],
        {("freezes", "White House", "against", None)},
    ),
    # The proposal is what the editors named: the term in the topic's sense.
    (
        ["Prime Minister Ana Lind defended her Brexit deal."],
        {("brexit", "Ana Lind", "for", None)},
    ),
    (["Senator Tom Hale called for a free trade deal with Peru."], set()),  # another deal
    (["Senator Tom Hale rejected the Pacific deal."], set()),  # a named other deal
    (["Senator Tom Hale supported the way the cards were dealt."], set()),  # a verb
    # Decisions, phrasal verbs, holder and stance nouns, the proposal's own action.
    (
        ["Governor Ana Lind signed the moratorium into law."],
        {("freezes", "Ana Lind", "for", None)},
    ),
    (
        ["Senator Tom Hale railed against the moratorium."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (
        ["The plan was drafted in May. Senator Tom Hale, a critic of the moratorium, spoke."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (
        ["Another critic of the moratorium, Senator Tom Hale, spoke on Monday."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (
        ["Governor Ana Lind expressed support for a freeze."],
        {("freezes", "Ana Lind", "for", None)},
    ),
    (
        ["Governor Ana Lind has called for the complete repeal of the moratorium."],
        {("freezes", "Ana Lind", "against", None)},
    ),
    (
        ["Minister Kenji Sato vowed to end the military exercises."],
        {("exercises", "Kenji Sato", "for", None)},
    ),
    (
        ['"Canada should stop talking and end the military exercises," Mr. Sato said.'],
        {("exercises", "Sato", "for", None)},
    ),
    # Blaming someone for not doing it is being for it.
    (
        ["Senator Tom Hale mocked Governor Ana Lind for not ending the military exercises."],
        {("exercises", "Tom Hale", "for", None)},
    ),
    # A condition a reader understands alone.
    (
        ['"Canada must first disarm," Mr. Sato said. "Only then will we lift the sanctions."'],
        {("sanctions", "Sato", "conditional", "Only then (Canada must first disarm)")},
    ),
    (
        ["Senator Tom Hale backed a freeze only with a vote of parliament."],
        {("freezes", "Tom Hale", "conditional", "only with a vote of parliament")},
    ),
    # A judgment of a clause: the judge stands with a good word's clause, against a
    # bad word's; a rule that should exist.
    (
        ['"It is disgraceful for a leader to refuse a freeze," Mr. Sato said.'],
        {("freezes", "Sato", "for", None)},
    ),
    (
        ['"It would be a mistake to lift the sanctions," Governor Ana Lind said.'],
        {("sanctions", "Ana Lind", "against", None)},
    ),
    (
        ["Mr. Sato says it is time to end the military exercises."],
        {("exercises", "Sato", "for", None)},
    ),
    (
        ["Ms. Lind says there needs to be a law that requires a freeze on tests."],
        {("freezes", "Lind", "for", None)},
    ),
    (["It is time to end the military exercises."], set()),  # the reporter's own voice
    (
        ['"The sooner they end the military exercises, the better," Mr. Sato said.'],
        {("exercises", "Sato", "for", None)},
    ),
    (
        ["Mr. Sato is wrong to reject a freeze."],
        {("freezes", "Sato", "against", None)},  # he rejects it; the judge is unnamed
    ),
    (
        ["If parliament finally approves a freeze, the talks will resume."],
        set(),  # a hypothetical
    ),
    # "do so" stands for the proposal's action just named; a critic of what the
    # verb is about; a stance noun's owner "on the part of" someone.
    (
        [
            "The opposition wants Canada to end the military exercises.",
            '"I think the government should do so," Senator Tom Hale said.',
        ],
        {("exercises", "Tom Hale", "for", None)},
    ),
    (
        ["The moratorium was signed in May.", "A critic, Senator Tom Hale, called it a trap."],
        {("freezes", "Tom Hale", "against", None)},  # "it": the last sentence's subject
    ),
    (
        ["Parliament debated the moratorium in May.", "Senator Tom Hale called it a trap."],
        set(),  # "it" could be the debate: the last sentence's subject was not the freeze
    ),
    (
        ["The moratorium is the government's main tool.", '"It is a trap," Senator Tom Hale said.'],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (
        ["Another critic, Senator Tom Hale, likened the moratorium to a surrender."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (
        ["We have seen a commitment on the part of Senator Tom Hale to a freeze."],
        {("freezes", "Tom Hale", "for", None)},
    ),
    (
        ["The freeze was discussed.", '"He would have done it differently," Mr. Sato said.'],
        set(),  # a counterfactual, not a call to act
    ),
    # Wording of other beats: "in support of", "anti-", a willingness, a body's "it",
    # a purpose the cue holds out for.
    (
        ["Premier Ana Lind spoke in support of a freeze."],
        {("freezes", "Ana Lind", "for", None)},
    ),
    (
        ["Premier Ana Lind launched anti-moratorium messaging across the province."],
        {("freezes", "Ana Lind", "against", None)},
    ),
    (
        ["Minister Kenji Sato expressed a willingness to end the military exercises."],
        {("exercises", "Kenji Sato", "for", None)},
    ),
    (
        ["Greenpeace said it would fight the moratorium in court."],
        {("freezes", "Greenpeace", "against", None)},
    ),
    (
        ["President Ines Moreau holds out for $5 billion to end the military exercises."],
        {("exercises", "Ines Moreau", "for", None)},
    ),
    (
        ["Back when it signed the moratorium in 1994, Peru pledged to cut its arsenal."],
        set(),  # "it" is no speaker's body
    ),
    # What the corpus taught: no side through a mediating noun, a prediction about
    # someone else, a clause that only describes a noun, or another thing named
    # like the proposal.
    (["Senator Tom Hale rejected attempts to strengthen the moratorium."], set()),
    (["Republicans agreed to hold votes on a freeze."], set()),
    (['"I welcome a debate about the moratorium," Minister Kenji Sato said.'], set()),
    (["An ally of Ana Lind suggested she would support the moratorium."], set()),
    (["Governor Ana Lind seemed hopeful that Canada could accept a freeze."], set()),
    (
        ['"And Peru will end the military exercises! It will," Mr. Sato said.'],
        set(),  # a claim about Peru in Sato's words, its own sentence: not Peru's stance
    ),
    (
        [
            "Governor Ana Lind has denounced suggestions by Tom Hale and Kenji Sato that "
            "they would sign a moratorium."
        ],
        {("freezes", "Ana Lind", "against", None)},  # "they" are Hale and Sato, never Lind
    ),
    (
        ["Premier Ana Lind promised to bring back the old tax and end the military drills."],
        set(),  # "drills" is no term here; "bring" governs nothing of the proposal
    ),
    (["The GOP candidate insisted on a freeze."], set()),  # one unnamed person, not the party
    (["Polls show 89% of Democrats support a freeze."], set()),  # poll answers
    (['Mr. Sato said, "Let Canada advise other countries to accept a freeze."'], set()),
    (["Activists asked Governor Ana Lind to urge Peru to sign a freeze."], set()),
    (
        ["Senator Tom Hale urged the government not to sign the moratorium."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (["A Lind ally suggested she would support the moratorium."], set()),
    (
        ["Governor Ana Lind called Tom Hale a clown at a rally to protest the moratorium."],
        set(),  # a purpose clause hung on the wrong verb: nobody's for sure
    ),
    (
        ["The Pacific Freeze Act, introduced by Senator Tom Hale, was debated."],
        set(),  # a name, not "the freeze"
    ),
    # "The idea" stands for a proposal named a few one-sentence paragraphs before.
    (
        [
            "Peru proposed a moratorium in May.",
            "The talks went on for a week.",
            "Another critic, Senator Ana Lind, likened the idea to a surrender.",
        ],
        {("freezes", "Peru", "for", None), ("freezes", "Ana Lind", "against", None)},
    ),
    # A free participle's subject is the clause's it hangs on.
    (
        ["Governor Ana Lind spoke to farmers in Lima, promising to sign a moratorium."],
        {("freezes", "Ana Lind", "for", None)},
    ),
    # A list of infinitives the parser split.
    (
        [
            "The Sierra Club advocates a set of rules to end subsidies, stop evasion and "
            "lift the sanctions."
        ],
        {("sanctions", "Sierra Club", "for", None)},
    ),
    # Groups a reader can place hold their own stance; vague or bare ones hold none.
    (
        ["Republican senators oppose the moratorium."],
        {("freezes", "Republican senators", "against", None)},
    ),
    (
        ["Industry groups are challenging the moratorium."],
        {("freezes", "industry groups", "against", None)},
    ),
    (
        ["Twelve states led by Ohio are challenging the moratorium."],
        {("freezes", "Twelve states led by Ohio", "against", None)},
    ),
    (
        ["Conservative premiers oppose the moratorium."],
        {("freezes", "Conservative premiers", "against", None)},
    ),
    # A province or a state acting as its government.
    (
        ["The Saskatchewan government is challenging the moratorium in court."],
        {("freezes", "Saskatchewan", "against", None)},
    ),
    (
        ["Ontario has made clear it won't include a moratorium in its plan."],
        {("freezes", "Ontario", "against", None)},
    ),
    (["Ontario voters oppose the moratorium."], set()),  # not a group the rules name
    (["Some people oppose the moratorium."], set()),
    (["Critics oppose the moratorium."], set()),
    (["Other states oppose the moratorium."], set()),
    (["His allies oppose the moratorium."], set()),
    (["Members of the team oppose the moratorium."], set()),
    (["Two leading Republicans oppose the moratorium."], set()),  # not the party
    # Where the stance comes from; each of a list.
    (
        ["Much of the impetus for the moratorium came from China and Peru."],
        {("freezes", "China", "for", None), ("freezes", "Peru", "for", None)},
    ),
    (
        ["Support for the moratorium came from Greenpeace."],
        {("freezes", "Greenpeace", "for", None)},
    ),
    # "The pact" refers back to an agreement: the same kind of thing.
    (
        ["The withdrawal agreement was signed in May.", "Senator Tom Hale opposes the pact."],
        {("brexit", "Tom Hale", "against", None)},
    ),
    # Critics of what the subject refers to.
    (
        ["Peru announced a moratorium in May.", "The move angered critics, including Tom Hale."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (["Critics, including Senator Tom Hale, met on Monday."], set()),  # critics of what?
    # A relative clause on a list of bodies is each body's; never a list with people.
    (
        ["He met Exxon, Chevron and a group of cities that support the moratorium."],
        {("freezes", "Exxon", "for", None), ("freezes", "Chevron", "for", None)},
    ),
    (
        ["Several companies, including Apple and Google, support the moratorium."],
        {("freezes", "Apple", "for", None), ("freezes", "Google", "for", None)},
    ),
    (["He met Donald Trump, Mike Pence and senators who oppose the moratorium."], set()),
    (["He met Exxon and a senator who supports the moratorium."], set()),  # the senator's
    # "A higher minimum wage" is the wage raised; one undoing word among the actions
    # ("lift") does not make raising it an undoing.
    (
        ["Senator Tom Hale lobbies for a higher minimum wage."],
        {("wages", "Tom Hale", "for", None)},
    ),
    (["Senator Tom Hale supported the minimum wage."], set()),
    (["Senator Tom Hale supported the sanctions."], {("sanctions", "Tom Hale", "against", None)}),
    # Nouns derived from the stance verbs ("refuse" -> "refusal", "condemn" ->
    # "condemnation"); a possessive is the pronoun it stands for; "he" and "she" are
    # never a person of the other gender.
    (
        ["Governor Maria Lopez's refusal to sign a moratorium was clear."],
        {("freezes", "Maria Lopez", "against", None)},
    ),
    (
        ["Senator Jane Roe met Bill Smith.", "His condemnation of the moratorium was loud."],
        {("freezes", "Bill Smith", "against", None)},
    ),
    (["Senator Jane Roe said his support for the moratorium was clear."], set()),
    (
        ["Mr. Smith said Jane Roe was biased because of his promise to sign a moratorium."],
        set(),  # a possessive deep in a clause: whose, the order of names can't tell
    ),
    # A refusing verb turns the cue it takes; a phrase says more than its verb.
    (
        ["Senator Tom Hale refused to back down on the moratorium."],
        {("freezes", "Tom Hale", "for", None)},
    ),
    (
        ["Senator Tom Hale refused to support the moratorium."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (["Senator Tom Hale refused to discuss the moratorium."], set()),  # no side
    (
        ["Senator Tom Hale will keep fighting for the moratorium."],
        {("freezes", "Tom Hale", "for", None)},
    ),
    (
        ["Senator Tom Hale has promised to get rid of the moratorium."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    (
        ["Senator Tom Hale called the moratorium a trap."],
        {("freezes", "Tom Hale", "against", None)},
    ),
    # "... but not X": for some of it, not all.
    (
        ["Senator Tom Hale backed lifting the sanctions on Peru but not Chile."],
        {("sanctions", "Tom Hale", "conditional", "but not Chile")},
    ),
    # Must find nothing.
    (
        ["Ana Lind sent Mr. Sato a proposal in which Peru would sign a moratorium if Chile did."],
        set(),  # what the proposal says Peru would do, not Peru's stance
    ),
    (["The Europeans derided the moratorium as toothless."], set()),  # wants more of it
    (["Senator Tom Hale attacked the moratorium for being too weak."], set()),
    (['"Why won\'t he end the military exercises?" Mr. Sato asked.'], set()),  # a question
    (['"He will end the military exercises," Mr. Sato said.'], set()),  # "he" is not Sato
    (
        ['"It is hard for a leader to refuse a freeze," Mr. Sato said.'],
        set(),  # whoever refuses, not Sato; and "hard" takes no side
    ),
    (
        ["Senators from states Ana Lind won did not want a moratorium."],
        set(),  # the senators', never the name in their clause
    ),
    (["Peru had historically resisted such a moratorium."], set()),  # where it stood
    (
        ["Ana Lind, who had championed the moratorium as a minister, opposed it as governor."],
        set(),  # the earlier stance, changed; "it" names nothing the rules can check
    ),
    # Being for what a proposal would undo is being against the undoing; criticising
    # it is not wanting it undone.
    (
        ["President Ines Moreau supported the military exercises."],
        {("exercises", "Ines Moreau", "against", None)},
    ),
    (["Senator Tom Hale defended the sanctions."], {("sanctions", "Tom Hale", "against", None)}),
    (["Senator Tom Hale criticized the sanctions."], set()),
    (["The Clinton administration tried a freeze in 1994."], set()),  # an event, no stance
    (["The Palestinians resisted talks until the freeze expired."], set()),  # time, not object
    (["Mr. Haddad embraced the idea."], set()),  # no proposal named before
    (["A freeze would be reckless, the columnist wrote."], set()),  # no cue, nobody named
    (["China lifted its ban on coal imports."], set()),  # no proposal
]


@pytest.mark.parametrize("paragraphs, expected", CASES)
def test_stance_cues(stances_of, paragraphs, expected):
    assert stances_of(*paragraphs) == expected
