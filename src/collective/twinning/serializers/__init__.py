"""plone.restapi serializers of the add-on's types, extending the stock ones."""
