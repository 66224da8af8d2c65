"""The phraser class of the test language: deliberately simple (the test is about plumbing, not English)."""
from generator.language import Result, bloom_of_verbs


class EnglishPhraser:
    def __init__(self, lexicon: dict):
        self.can, self.knows, self.knows_verb = lexicon["can"], lexicon["knows"], "know"
        self.gerunds = lexicon["gerunds"]
        self.bloom_of = bloom_of_verbs(lexicon["bloom"])
        self.bloom_default = self.policy_bloom = lexicon["bloom"]["default"]

    def ability(self, text: str) -> Result:
        first, _, rest = text.strip().rstrip(".").partition(" ")
        verb = self.gerunds.get(first.lower(), first.lower())
        return Result(f"{self.can} {verb} {rest}".strip(), [verb])

    def knowledge(self, text: str) -> Result:
        body = text.strip().rstrip(".")
        return Result(f"{self.knows} {body[:1].lower()}{body[1:]}", [self.knows_verb])

    def knowledge_bloom(self, text: str, verbs: list) -> str:
        return "remember"

    def bloom(self, lemma: str) -> str:
        return self.bloom_of.get(lemma, self.bloom_default)

    def topic(self, text: str) -> str:
        return text.strip().rstrip(".")

    def outcome_verbs(self, text: str) -> list:
        words = text.split()
        return [words[1]] if len(words) > 1 and words[0] == self.can else []
